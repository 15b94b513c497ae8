//! What the explainer says, as facts: each [`Point`] is one thing it tells
//! the learner, with the values (URL, origin, header, method, status) the
//! pasted message names. The app puts each in the learner's language
//! (`src/words/explain.rs`, `locales/*/explain.json`).
//!
//! A `Named` value is `None` when the message does not say it: the words
//! then stand in ("the server", "your page's origin", "the URL").

use super::Engine;

/// A value the message names, or `None` when it does not.
pub type Named = Option<String>;

/// The example messages the page offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Example {
    ChromeHeaderNotAllowed,
    ChromeNoHeader,
    ChromeTrailingSlash,
    ChromeStarWithCookies,
    FirefoxMissing404,
    SafariPreflight401,
    JsFailedToFetch,
    NotCorsCsp,
}

/// A part of an origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OriginPart {
    Scheme,
    Host,
    Port,
}

/// What the page got instead of the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Withheld {
    XhrErrorEvent,
    FontFallback,
    ElementEmpty,
    ScriptNotRun,
    TypeError,
}

/// What made the request need a preflight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// A method or header a plain form cannot send.
    BeyondAForm,
    ThisRequest,
    Method(String),
    /// A method other than GET, HEAD and POST (the message does not name it).
    UnnamedMethod,
    Header(String),
}

/// What is wrong with an `Access-Control-Allow-Origin` value that is not an origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueFault {
    /// A wildcard inside a value (`*.example.com`).
    Wildcard,
    NoScheme,
    Quoted,
    Other,
}

/// What an element loaded (it is CORS-checked only with `crossorigin`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loaded {
    Image,
    Script,
    Video,
    Audio,
}

/// Why a request got no HTTP answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetworkCause {
    Refused,
    NameNotResolved,
    Tls,
    Closed,
    TimedOut,
    Offline,
    FirefoxNoAnswer,
    NoAnswer,
}

/// What not to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dont {
    /// Switch to `mode: 'no-cors'`.
    NoCors,
    /// Echo any Origin into `Access-Control-Allow-Origin`.
    Reflect,
    /// Answer `*` with credentials.
    StarWithCredentials,
    /// Turn off web security, install an "unblock CORS" extension.
    Disable,
    /// Put `Access-Control-Allow-…` on the request.
    HeadersOnRequest,
    /// Allow the origin `null`.
    AllowNull,
    /// Change the API's CORS headers for a block that is not CORS.
    CorsHeadersForThis,
}

/// One thing the explainer tells: a headline, a paragraph of what happened
/// or why, a step of the fix, a note, a note on the lab's run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Point {
    // Nothing (or nothing readable) pasted.
    PasteToExplain,
    MentionsCorsUnreadable,
    NotACorsMessage,
    WhatItLooksLike,
    WhereToLook,
    PasteWholeLine,
    /// The paste was cut to these limits.
    PasteCut {
        lines: usize,
        chars: usize,
        per_line: usize,
    },
    TypeErrorIsTheSameFailure,

    // How the page's origin and the server's relate.
    NullOrigin {
        server: Named,
    },
    SameOriginYetChecked {
        origin: String,
        server: Named,
    },
    DifferentOrigins {
        origin: String,
        server: Named,
        parts: Vec<OriginPart>,
    },

    // The request's fate.
    EitherStageFailed {
        status: Option<u16>,
        server: Named,
    },
    PreflightRefused {
        server: Named,
    },
    AnswerWithheld {
        server: Named,
        status: Option<u16>,
        withheld: Withheld,
    },
    FirefoxStageOnNextLine,
    SafariStageInNetworkTab,

    // Why.
    WhyRead {
        server: Named,
        page: Named,
    },
    WhyPreflight {
        server: Named,
        page: Named,
        trigger: Trigger,
    },
    WhyCredentials {
        server: Named,
    },

    // No Access-Control-Allow-Origin.
    NoAcao {
        server: Named,
        preflight: bool,
        page: Named,
    },
    SafariAcaoNotAllowed {
        server: Named,
        page: Named,
    },
    SafariTwoAcaoCases,
    AnswerThePreflight {
        url: Named,
        origin: String,
    },
    RoutersLackOptions,
    SendAcao {
        server: Named,
        origin: String,
    },
    ErrorsNeedHeadersToo {
        status: u16,
    },

    // `*` with credentials.
    WildcardWithCredentials {
        server: Named,
    },
    NameTheOrigin {
        origin: String,
    },
    LeaveCookiesOut {
        xhr: bool,
    },

    // Several values.
    MultipleAcao {
        server: Named,
        value: Option<String>,
    },
    AcaoIsNotAList,
    SendOneValue {
        origin: String,
    },
    TwoLayersAddIt,
    CommaListMisreading,

    // Not an origin.
    InvalidAcao {
        server: Named,
        value: String,
    },
    AcaoIsASerializedOrigin,
    FixTheValue {
        value: String,
        fault: ValueFault,
        origin: String,
    },

    // Another origin.
    AcaoMismatch {
        server: Named,
        value: String,
        page: Named,
    },
    ComparisonIsExact,
    SendTheOrigin {
        origin: String,
    },
    NotThePagesOrigin {
        value: String,
    },
    CannotMatchNull {
        value: String,
    },
    ServerSentNull {
        origin: String,
    },
    TrailingSlash {
        value: String,
        origin: String,
    },
    LetterCase {
        value: String,
        origin: String,
    },
    MoreThanTheOrigin {
        value: String,
        origin: String,
    },
    AnotherOrigin {
        value: String,
        origin: String,
        parts: Vec<OriginPart>,
    },
    NotThisOrigin {
        value: String,
        origin: String,
    },

    // Access-Control-Allow-Credentials.
    AcacNotTrue {
        server: Named,
        value: Option<String>,
    },
    AddAcac {
        /// The value sent, when it was neither absent nor `true`.
        wrong: Option<String>,
        preflight: bool,
        origin: String,
    },
    OrDropCredentials {
        xhr: bool,
    },

    // The preflight's status and redirects.
    PreflightNotOk {
        url: Named,
        status: Option<u16>,
    },
    OnlyTwoHundredsSayYes,
    PreflightUnauthenticated {
        server: Named,
        status: u16,
    },
    NoOptionsHandler {
        server: Named,
        status: u16,
    },
    PreflightServerError {
        server: Named,
        status: u16,
    },
    AnswerOptionsFirst,
    PreflightRedirected {
        url: Named,
    },
    RedirectIsANo,
    CallTheFinalUrl,
    AndAnswerOptionsThere,

    // Methods and headers.
    UnreadableList {
        /// Access-Control-Allow-Methods (else -Headers).
        methods: bool,
        value: Option<String>,
    },
    WriteAList {
        methods: bool,
    },
    MethodNotAllowed {
        method: Named,
    },
    AllowTheMethod {
        method: Named,
        /// (as written, upper-cased) when the method is not in upper case.
        upper: Option<(String, String)>,
    },
    FirefoxNamesNoMethod,
    HeaderNotAllowed {
        header: String,
    },
    ResponseHeaderOnRequest {
        header: String,
    },
    AllowTheHeader {
        name: String,
    },
    ContentTypeNeedsPermission,
    ListAuthorization,
    OrStopSendingIt,
    ChromeLowercasesNow,

    // Request mode and redirect mode.
    SameOriginModeCrossOrigin,
    SameOriginPromise {
        url: String,
    },
    ModeIsTheScripts,
    DropSameOriginMode,
    NoCorsMustFollow,
    RefusedBeforeSending {
        url: String,
    },
    NoCorsIsOpaque,
    FollowOrUseCors,
    SameOriginRedirected {
        url: String,
    },
    RedirectLeftTheOrigin {
        url: String,
    },
    SameOriginWholeChain,
    DropModeOrRedirectWithin,
    RedirectModeError,
    RedirectErrorStopped {
        server: Named,
    },
    RedirectErrorIsTheScripts,
    FollowOrRequestFinal,
    TooManyRedirects,
    TwentyHops,
    FindTheLoop,
    InvalidRequest,
    CheckedWhenMade,
    FixTheRequest,

    // Notes on any CORS failure.
    FontsAlwaysCors,
    CrossoriginAttribute {
        loaded: Loaded,
    },
    ServeInsteadOfFile,
    WasRedirected {
        from: String,
        url: Named,
    },
    OlderWording,
    StandInOrigin {
        stand_in: String,
    },

    // The lab's run.
    ChromeWordsItDifferently {
        browser: Option<Engine>,
        reason: String,
    },
    OpenTheLabIn {
        engine: Engine,
    },
    LabLoadsWithFetch {
        resource: String,
    },
    LabUsesMethod {
        method: String,
        instead_of: String,
    },
    LabUsesHeader {
        header: String,
        instead_of: String,
    },
    LabEndsInThisError,
    LabShowsOpaque,

    // JavaScript's view.
    ScriptLearnsOnlyThatItFailed,
    WhatAFailureLooksLike {
        error: String,
    },
    EachBrowserWordsIt {
        chrome: &'static str,
        firefox: &'static str,
        safari: &'static str,
    },
    ReasonKeptFromScripts,
    PasteTheRedLine,
    ChromeNetworkLine,
    ErrFailedSays {
        status: Option<u16>,
        url: Named,
    },
    StatusMeansAnswered {
        status: u16,
    },
    PasteTheBlockedLine,

    // No answer at all.
    NoHttpAnswer {
        server: Named,
        cause: NetworkCause,
    },
    NoAnswerToCheck,
    TryItAlone {
        url: Named,
    },
    CheckSchemeHostPort,
    FirefoxNoUsableResponse {
        server: Named,
    },
    FirefoxFollowUpLine,
    IfItStandsAlone,
    LookOneLineUp,
    IfThereIsNone {
        url: Named,
    },

    // Near CORS, not CORS.
    CspBlocked,
    CspIsTheList {
        server: Named,
    },
    AddToConnectSrc {
        server: Named,
    },
    OrCallSameOrigin,
    MixedContent,
    HttpsNeedsHttps,
    ServeOverHttps,
    OrbWithheld,
    OrbLooksLikeData,
    FetchInCorsMode,
    RightContentType,
    CorpForbids,
    CorpNotEvenForDisplay,
    SendCorpCrossOrigin,
    ExtensionBlocked,
    BlockedByClientMeans,
    TryWithoutExtensions,
    FrameAccess,
    DocumentsKeepApart,
    UsePostMessage,
    CanvasTainted,
    PixelsWouldLeak,
    LoadWithCrossorigin,
    WhyPageShowsIt,
    OpaqueAnswer,
    NoCorsIsNoWayAround,
    RemoveNoCors,
    HttpError {
        status: Option<u16>,
    },
    ChromeLogsEveryStatus,
    LookAtTheServerLog,
    WebSocketFailed,
    WebSocketsDecideByOrigin,
    CheckTheSocket,

    // Browser rules next to CORS.
    NotHttp,
    OnlyHttpUrls,
    FilePagesAreNull,
    ServeFromLocalServer,
    ThenAllowLocalhost,
    PrivateNetworkAccess,
    AddressSpaces {
        page: Named,
        space: String,
    },
    PnaInsecureContext,
    PnaPreflightHeader,
    PnaPermissionDenied,
    PnaInconsistent,
    PnaMentioned,
    SameHostOrHttps,
    PnaBefore142,
    LocalhostPortsUnaffected,
    RedirectWithPassword,
    RemoveUserPassword,
    ModeForbidsOtherOrigins,
    CheckTheMode,
    InvalidResponse,
    LookAtTheAnswer,
    CorsTurnedOff,
    CheckCorsDisable,
    StarWillNotCoverAuthorization,
    StarNeverCoversAuthorization,
    ListAuthorizationByName,

    // A CORS block without its reason.
    UnknownReason {
        reason: String,
    },
    SafariSummaryLine,
    ReasonNotInText,
    AnswerKeptFromPage {
        server: Named,
        page: Named,
    },
    PasteTheReasonToo,
}
