//! Demo 3: a logged-in victim. The learner logs in on the API origin (a
//! top-level visit sets its `lab` cookie, `SameSite=Lax`), then opens the
//! attacker's page — served by the demo server on the app's port, once under
//! the API's own host (same site: the cookie goes along) and once under the
//! other-site host (`SameSite=Lax` keeps it off). Its script sends
//! `fetch(<API>/account, { credentials: "include" })` and reports what it
//! read. The log shows both halves: the API received the cookie and
//! answered with private data; the script could read none of it.

use cors_core::wire::{DemoConfig, LogEntry, Role, LEARNER_PARAM};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::card::{log_of, new_case, DemoCard, DemoLog, Mark, OpenLog, Status};
use crate::demo;
use crate::i18n::{in_language, t, Arg, Text};

/// The section id (`/why#credentials`).
pub const ID: &str = "credentials";

/// The card's title (also the contents list's).
pub fn title() -> Text {
    t!(why.credentials.title)
}

const ACCOUNT: &str = "/account";
const ATTACKER: &str = "/api/attacker";
const REPORT: &str = "/api/attacker/report";

/// Which attacker's page: on the API's own site, or on another site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Attacker {
    SameSite,
    OtherSite,
}

impl Attacker {
    fn key(self) -> &'static str {
        match self {
            Attacker::SameSite => "same-site",
            Attacker::OtherSite => "other-site",
        }
    }
}

/// What the log says about one attacker's latest visit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Seen {
    /// The API's `/account` entry: whether a `lab` cookie came, and the status.
    account: Option<(Option<String>, u16)>,
    /// What the page's script sent home.
    report: Option<String>,
}

/// The host of a URL or `host:port` (`[::1]` kept whole), lower case.
fn host_of(text: &str) -> String {
    let rest = text.split_once("://").map_or(text, |(_, rest)| rest);
    let authority = rest.split('/').next().unwrap_or_default();
    let host = if authority.starts_with('[') {
        authority
            .split_once(']')
            .map_or(authority.to_owned(), |(h, _)| format!("{h}]"))
    } else {
        authority.split(':').next().unwrap_or_default().to_owned()
    };
    host.to_ascii_lowercase()
}

/// The `lab` cookie in a `Cookie` header, if any.
fn lab_cookie(header: &str) -> Option<String> {
    header
        .split(';')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| name.trim() == "lab")
        .map(|(_, value)| value.trim().to_owned())
}

/// The latest visit of each attacker's page, from the demo's log.
fn summarize(entries: &[LogEntry], page_host: &str, alt_host: Option<&str>) -> [Seen; 2] {
    let which = |host: &str| {
        if host == page_host {
            Some(0)
        } else if alt_host.is_some_and(|alt| alt == host) {
            Some(1)
        } else {
            None
        }
    };
    let mut seen: [Seen; 2] = Default::default();
    for entry in entries {
        if entry.role == Role::Api && entry.path == ACCOUNT {
            if let Some(i) = entry.header("origin").map(host_of).and_then(|h| which(&h)) {
                let cookie = entry.header("cookie").and_then(lab_cookie);
                // A new visit: its report is still to come.
                seen[i] = Seen {
                    account: Some((cookie, entry.status)),
                    report: None,
                };
            }
        } else if entry.role == Role::App && entry.path == REPORT && entry.method == "POST" {
            if let Some(i) = entry.header("host").map(host_of).and_then(|h| which(&h)) {
                seen[i].report = Some(entry.body.clone());
            }
        }
    }
    seen
}

#[component]
pub fn CredentialsDemo(config: DemoConfig) -> impl IntoView {
    let api = demo::origin_url(&config, Role::Api);
    let page_host = demo::page_host();
    let alt_host = config.alt_host.clone();
    let learner = demo::learner_tag();
    // The attacker's requests carry a learner tag of this demo's own, so the
    // card's log lists exactly them.
    let channel = format!("{learner}-cred");
    let case = new_case("cred");
    let login = format!("{api}/login?{LEARNER_PARAM}={learner}");
    let attacker_url = |host: &str| {
        format!(
            "http://{host}:{}{ATTACKER}?{LEARNER_PARAM}={channel}&case={case}&api_host={page_host}",
            config.app_port
        )
    };
    let same_site_url = attacker_url(&page_host);
    let other_site_url = alt_host.as_deref().map(attacker_url);
    // The words are this page's own (the lab's say the same:
    // `lab.other_site.missing`).
    let missing = config
        .alt_host
        .is_none()
        .then(|| t!(why.credentials.missing, host = page_host.clone()));

    let has_cookie = RwSignal::new(demo::page_has_lab_cookie());
    let seen = RwSignal::new(None::<[Seen; 2]>);
    let case_signal = Signal::stored(Some(case.clone()));
    let open_log = OpenLog::get();
    let refresh = {
        let channel = channel.clone();
        let page_host = page_host.clone();
        let alt_host = alt_host.clone();
        move || {
            has_cookie.set(demo::page_has_lab_cookie());
            let channel = channel.clone();
            let page_host = page_host.clone();
            let alt_host = alt_host.clone();
            spawn_local(async move {
                let entries = log_of(&channel).await;
                seen.set(Some(summarize(&entries, &page_host, alt_host.as_deref())));
            });
        }
    };
    refresh();
    // Coming back from the login or the attacker's tab: look again.
    let focus = {
        let refresh = refresh.clone();
        window_event_listener(leptos::ev::focus, move |_| refresh())
    };
    on_cleanup(move || focus.remove());

    let row = move |attacker: Attacker, label: Text| {
        let key = attacker.key();
        move || {
            let index = usize::from(attacker == Attacker::OtherSite);
            let now = seen.get().map(|s| s[index].clone()).unwrap_or_default();
            let cookie_state = match &now.account {
                Some((Some(_), _)) => "sent",
                Some((None, _)) => "not sent",
                None => "",
            };
            let status = now
                .account
                .as_ref()
                .map(|(_, s)| s.to_string())
                .unwrap_or_default();
            view! {
                <tr data-testid=format!("why-cred-{key}") data-cookie=cookie_state data-status=status>
                    <th scope="row">{label.clone()}</th>
                    <td data-testid=format!("why-cred-{key}-cookie")>
                        {match now.account.clone() {
                            None => view! { <Status mark=Mark::Pending terse=true detail=t!(why.credentials.no_request) /> }.into_any(),
                            Some((Some(value), _)) => view! { <Status mark=Mark::Happened terse=true detail=t!(why.credentials.cookie_sent, value) /> }.into_any(),
                            Some((None, _)) => view! { <Status mark=Mark::Stopped terse=true detail=t!(why.credentials.cookie_not_sent) /> }.into_any(),
                        }}
                    </td>
                    <td data-testid=format!("why-cred-{key}-answer")>
                        {match now.account.clone() {
                            None => view! { <Status mark=Mark::Pending terse=true detail="—" /> }.into_any(),
                            Some((_, 200)) => view! { <Status mark=Mark::Happened terse=true detail=t!(why.credentials.answer_ok) /> }.into_any(),
                            Some((_, status)) => view! { <Status mark=Mark::Stopped terse=true detail=t!(why.credentials.answer_refused, status) /> }.into_any(),
                        }}
                    </td>
                    <td data-testid=format!("why-cred-{key}-got")>
                        {match now.report.clone() {
                            None => view! { <Status mark=Mark::Pending terse=true detail=t!(why.credentials.nothing_reported) /> }.into_any(),
                            Some(got) if got.starts_with("read it") => view! { <Status mark=Mark::Happened terse=true detail=got /> }.into_any(),
                            Some(got) => view! { <Status mark=Mark::Withheld terse=true detail=t!(why.credentials.only_error, error = got) /> }.into_any(),
                        }}
                    </td>
                </tr>
            }
        }
    };

    let same_label = t!(
        why.credentials.row_same,
        origin = format!("http://{page_host}:{}", config.app_port)
    );
    let other_label = match &alt_host {
        Some(alt) => t!(
            why.credentials.row_other,
            origin = format!("http://{alt}:{}", config.app_port)
        ),
        None => t!(why.credentials.row_other_missing),
    };
    let show_log = move |_| open_log.show(ID);

    view! {
        <DemoCard id=ID number=3 title=title()>
            <p>{t!(why.credentials.intro)}</p>
            <div class="why-demo">
                <div class="why-main">
                    <h3>{t!(why.credentials.login_title)}</h3>
                    <p>{t!(why.credentials.login_text, login = format!("{api}/login"))}</p>
                    <p data-testid="why-cred-cookie">
                        {move || if has_cookie.get() {
                            view! { <Status mark=Mark::Happened detail=t!(why.credentials.has_cookie) /> }.into_any()
                        } else {
                            view! { <Status mark=Mark::Pending detail=t!(why.credentials.no_cookie) /> }.into_any()
                        }}
                    </p>
                    <p class="run-actions">
                        <a class="button secondary" href=move || in_language(&login) target="_blank" rel="noopener" data-testid="why-cred-login">{t!(why.credentials.login)}</a>
                    </p>

                    <h3>{t!(why.credentials.visit_title)}</h3>
                    <p>
                        {t!(why.credentials.visit_text,
                            port = config.app_port, account = format!("{api}{ACCOUNT}"))}
                    </p>
                    <ul class="why-attackers">
                        <li>
                            {t!(why.credentials.same, link = {
                                let page_host = page_host.clone();
                                Arg::view(move || view! {
                                    <a href={
                                        let url = same_site_url.clone();
                                        move || in_language(&url)
                                    } target="_blank" rel="noopener" data-testid="why-cred-open-same-site" on:click=move |_| open_log.show(ID)>
                                        {t!(why.credentials.open_same, host = page_host.clone())}
                                    </a>
                                })
                            })}
                        </li>
                        {match (other_site_url, alt_host.clone()) {
                            (Some(url), Some(alt)) => view! {
                                <li>
                                    {t!(why.credentials.other, host = page_host.clone(), link = Arg::view(move || view! {
                                        <a href={
                                            let url = url.clone();
                                            move || in_language(&url)
                                        } target="_blank" rel="noopener" data-testid="why-cred-open-other-site" on:click=move |_| open_log.show(ID)>
                                            {t!(why.credentials.open_other, host = alt.clone())}
                                        </a>
                                    }))}
                                </li>
                            }.into_any(),
                            _ => view! { <li class="hint">{missing.map(Text::into_any)}</li> }.into_any(),
                        }}
                    </ul>

                    <h3>{t!(why.credentials.result_title)}</h3>
                    <p class="run-actions">
                        <button type="button" class="small" data-testid="why-cred-refresh"
                            on:click={
                                let refresh = refresh.clone();
                                move |e| { show_log(e); refresh() }
                            }>
                            {t!(why.credentials.refresh)}
                        </button>
                    </p>
                    <div aria-live="polite">
                        <table class="why-table">
                            <thead><tr>
                                <th scope="col">{t!(why.credentials.col_page)}</th>
                                <th scope="col">{t!(why.credentials.col_cookie)}</th>
                                <th scope="col">{t!(why.credentials.col_answer)}</th>
                                <th scope="col">{t!(why.credentials.col_got)}</th>
                            </tr></thead>
                            <tbody>
                                {row(Attacker::SameSite, same_label)}
                                {row(Attacker::OtherSite, other_label)}
                            </tbody>
                        </table>
                    </div>
                </div>
                <DemoLog demo=ID case=case_signal channel=channel.clone() />
            </div>
            <p class="why-takeaway">{t!(why.credentials.takeaway)}</p>
            <h3>{t!(why.credentials.differ_title)}</h3>
            <ul class="why-costs">
                <li>{t!(why.credentials.differ_default)}</li>
                <li>{t!(why.credentials.differ_none)}</li>
                <li>{t!(why.credentials.differ_same)}</li>
            </ul>
            <p class="hint">{t!(why.credentials.channel, channel = channel.clone())}</p>
        </DemoCard>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_of_cases() {
        for (text, host) in [
            ("http://localhost:8080", "localhost"),
            ("http://127.0.0.1:8080/x", "127.0.0.1"),
            ("LocalHost:8080", "localhost"),
            ("[::1]:8080", "[::1]"),
            ("http://[::1]", "[::1]"),
            ("", ""),
        ] {
            assert_eq!(host_of(text), host, "{text}");
        }
    }

    #[test]
    fn lab_cookie_cases() {
        for (header, value) in [
            ("lab=ada", Some("ada")),
            ("x=1; lab=learner-1 ", Some("learner-1")),
            ("labx=1", None),
            ("", None),
        ] {
            assert_eq!(lab_cookie(header).as_deref(), value, "{header}");
        }
    }
}
