//! The quiz: situations developers really meet, each with choices (short
//! claims), feedback for every choice, an explanation, and the evidence that
//! settles it (a real lab run, an origin comparison, or a live demo on
//! `/why`). Questions come in [`SECTIONS`] that follow the article's arc, from
//! origins to the ways around the policy. Choices are shown in an order of
//! their own per learner and question ([`display_order`]). Plus the learner's
//! progress, kept as a short string for `localStorage`.
//!
//! The questions are data, checked by tests: every lab experiment they name
//! exists, every origin question agrees with [`crate::compare`], and every
//! lab question's claims agree with the rules [`crate::engine`].

use std::collections::BTreeMap;

/// What proves the answer, shown after answering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// Run a named lab experiment (`named::by_slug(slug)` must exist).
    Lab { slug: &'static str },
    /// Compare two URLs with the origin comparator.
    Origins { a: &'static str, b: &'static str },
    /// A live demo on the /why page; `demo` is one of "intranet",
    /// "localhost", "credentials", "load-vs-read", "css-font", "runtime",
    /// "proxy".
    Why { demo: &'static str },
}

/// One answer a learner can pick. Its index in [`Question::choices`] is its
/// stable id (progress and `data-option` use it); the screen shows the
/// choices in [`display_order`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    /// A short claim, without its own justification.
    pub text: &'static str,
    pub correct: bool,
    /// Why this choice is right, or what the misconception behind it gets
    /// wrong; shown for every choice once the question is answered.
    pub feedback: &'static str,
}

/// One quiz question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    /// URL-safe and unique: the deep link is `/quiz?q=<slug>`.
    pub slug: &'static str,
    /// The [`Section`] it belongs to (its `topic`).
    pub topic: &'static str,
    /// One to three sentences: a realistic situation.
    pub story: &'static str,
    /// The question itself.
    pub prompt: &'static str,
    /// Two to four choices, exactly one of them correct.
    pub choices: &'static [Choice],
    /// Shown after answering, two to four sentences.
    pub explanation: &'static str,
    pub evidence: Evidence,
    /// What to look at in the evidence, e.g. "The server log shows POST
    /// /deletePost answered 200, and post 13 is gone."
    pub look_for: &'static str,
}

/// A part of the quiz, in the article's order, and what it teaches (one line,
/// shown with each of its questions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    pub topic: &'static str,
    pub teaches: &'static str,
}

/// The sections in teaching order, from easy to hard.
pub const SECTIONS: &[Section] = &[
    Section {
        topic: "Origins",
        teaches: "What an origin is: scheme, host and port, compared exactly, and nothing else.",
    },
    Section {
        topic: "What the policy blocks",
        teaches: "Cross-origin requests are sent; what the browser withholds is the answer, and only from a page's scripts.",
    },
    Section {
        topic: "Why the policy exists",
        teaches: "A page runs with your network and your cookies; the policy keeps strangers' pages from reading with them.",
    },
    Section {
        topic: "CORS headers and preflight",
        teaches: "How a server grants read access, and when the browser asks it before sending.",
    },
    Section {
        topic: "Escapes",
        teaches: "The ways to read across origins (CORS headers, a same-origin proxy, a script tag) and one that only looks like a way.",
    },
    Section {
        topic: "Origin edge cases",
        teaches: "What the browser does to a URL before comparing: default ports, punycode, IP addresses, opaque origins.",
    },
];

/// The section a topic names.
pub fn section(topic: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.topic == topic)
}

/// Every question, in teaching order.
pub fn all() -> &'static [Question] {
    QUESTIONS
}

/// Who the choices are ordered for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience<'a> {
    /// One learner (their tag): an order of their own per question, the same
    /// on every visit.
    Learner(&'a str),
    /// A class looking at one screen, or following a class link: one order
    /// per question for everyone.
    Class,
}

/// The order to show `q`'s choices in, as indexes into `q.choices`: a
/// shuffle seeded by the audience and the question's slug, so it is stable
/// across reloads and differs between learners and questions.
pub fn display_order(q: &Question, audience: Audience<'_>) -> Vec<usize> {
    let mut hash = Fnv::new();
    match audience {
        Audience::Learner(tag) => {
            hash.write(b"learner\0");
            hash.write(tag.as_bytes());
        }
        Audience::Class => hash.write(CLASS_SALT),
    }
    hash.write(b"\0");
    hash.write(q.slug.as_bytes());
    let mut state = hash.0;
    let mut order: Vec<usize> = (0..q.choices.len()).collect();
    // Fisher-Yates, drawing from SplitMix64.
    for i in (1..order.len()).rev() {
        let j = (splitmix64(&mut state) % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

/// The class order's seed, beside the slug. Picked (by
/// `the_right_choice_is_not_given_away_by_its_place`) so that the class sees
/// the right answers spread over the places as evenly as chance would; a
/// new question may call for another pick.
const CLASS_SALT: &[u8] = b"class-2";

/// FNV-1a, 64 bits.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// SplitMix64: a tiny, well-mixed generator for the shuffle.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The question with this slug.
pub fn by_slug(slug: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.slug == slug)
}

/// Answers given so far: question slug -> index of the chosen choice. Only
/// answers naming an existing question and one of its choices are kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    answers: BTreeMap<String, usize>,
}

impl Progress {
    /// Record (or change) the answer to one question. An unknown slug or a
    /// choice the question does not have is ignored.
    pub fn answer(&mut self, slug: &str, choice: usize) {
        if let Some(q) = by_slug(slug) {
            if choice < q.choices.len() {
                self.answers.insert(q.slug.to_owned(), choice);
            }
        }
    }

    /// The index of the choice picked for this question, if any.
    pub fn chosen(&self, slug: &str) -> Option<usize> {
        self.answers.get(slug).copied()
    }

    /// (answered correctly, answered).
    pub fn score(&self) -> (usize, usize) {
        let correct = self
            .answers
            .keys()
            .filter(|slug| self.is_correct(slug) == Some(true))
            .count();
        (correct, self.answers.len())
    }

    /// Whether the answer given to this question is the right one; `None`
    /// when it has not been answered.
    pub fn is_correct(&self, slug: &str) -> Option<bool> {
        let choice = self.chosen(slug)?;
        let q = by_slug(slug)?;
        q.choices.get(choice).map(|c| c.correct)
    }

    /// Forget every answer.
    pub fn reset(&mut self) {
        self.answers.clear();
    }

    /// For localStorage: "slug=2;slug2=0"; `parse` ignores unknown slugs, bad indexes, garbage (never panics).
    pub fn to_storage(&self) -> String {
        self.answers
            .iter()
            .map(|(slug, choice)| format!("{slug}={choice}"))
            .collect::<Vec<_>>()
            .join(";")
    }

    /// Read what [`Progress::to_storage`] wrote. Entries that are not
    /// `slug=index`, name no question, or name a choice the question does
    /// not have are skipped; a later entry for the same question wins.
    pub fn parse(text: &str) -> Progress {
        let mut progress = Progress::default();
        for entry in text.split(';') {
            let Some((slug, choice)) = entry.split_once('=') else {
                continue;
            };
            if let Ok(choice) = choice.trim().parse::<usize>() {
                progress.answer(slug.trim(), choice);
            }
        }
        progress
    }
}

const fn right(text: &'static str, feedback: &'static str) -> Choice {
    Choice {
        text,
        correct: true,
        feedback,
    }
}

const fn wrong(text: &'static str, feedback: &'static str) -> Choice {
    Choice {
        text,
        correct: false,
        feedback,
    }
}

// Every choice keeps its index for good: progress stores the index, so a new
// choice goes at the end. Origin questions offer "same origin" and
// "cross-origin" choices, so the tests can check the right one against the
// comparator.
static QUESTIONS: &[Question] = &[
    // ------------------------------------------------------------ Origins
    Question {
        slug: "origin-path",
        topic: "Origins",
        story: "The cart page of a web shop lives at https://shop.example/cart/. Its script asks https://shop.example/api/orders?page=2 for the customer's past orders.",
        prompt: "Is that call same-origin or cross-origin?",
        choices: &[
            right(
                "Same origin",
                "Right. Scheme (https), host (shop.example) and port (443) all match. The path and the query are not part of the origin.",
            ),
            wrong(
                "Cross-origin",
                "The paths differ, but a path is not part of the origin. Every page of a site shares one origin, which is why a site can call its own /api without any CORS header.",
            ),
        ],
        explanation: "The browser boils each URL down to three things: https, shop.example and port 443. Both URLs give the same three, so the call is same-origin and CORS never comes into play. Serving the API from the site's own origin is a common way to avoid CORS entirely.",
        evidence: Evidence::Origins {
            a: "https://shop.example/cart/",
            b: "https://shop.example/api/orders?page=2",
        },
        look_for: "The verdict says same origin: scheme, host and port match, and only the path and query differ.",
    },
    Question {
        slug: "origin-scheme",
        topic: "Origins",
        story: "A blog still serves its old articles over http://blog.example, while its new comment API runs at https://blog.example.",
        prompt: "Is an old article calling the comment API a same-origin request?",
        choices: &[
            wrong(
                "Same origin",
                "The host is the same, but the scheme is the first part of the origin. And since neither URL writes a port, http and https also bring different default ports, 80 and 443.",
            ),
            right(
                "Cross-origin",
                "Right. The scheme differs (http vs https), and with it the default port (80 vs 443): two of the three parts.",
            ),
        ],
        explanation: "An origin is scheme, host and port taken together; change any one of them and you get another origin. Switching from http to https changes the scheme and, silently, the default port. So the old pages make cross-origin calls to the API: it would need CORS headers, or the old pages should move to https.",
        evidence: Evidence::Origins {
            a: "http://blog.example/2019/hello.html",
            b: "https://blog.example/api/comments",
        },
        look_for: "The verdict names both the scheme (http vs https) and the port (80 vs 443) as different, while the host matches.",
    },
    Question {
        slug: "origin-lab-ports",
        topic: "Origins",
        story: "The page you are reading comes from http://localhost:8080, and the lab's demo API listens on http://localhost:8081. Same machine, same host name.",
        prompt: "Is a fetch from this page to the demo API same-origin?",
        choices: &[
            wrong(
                "Same origin",
                "Both are localhost, but the port is part of the origin. Two programs on one machine may belong to different people or do very different jobs, so the browser keeps them apart.",
            ),
            right(
                "Cross-origin",
                "Right. Same scheme and host, another port (8080 vs 8081): another origin. That is why every lab experiment is a genuine cross-origin request.",
            ),
        ],
        explanation: "Scheme and host match, but the port does not, and all three have to match. That single difference is how the lab gets a second origin on your own machine: one server listening on several ports. Everything the lab shows, from preflights to hidden responses, follows from it.",
        evidence: Evidence::Origins {
            a: "http://localhost:8080/",
            b: "http://localhost:8081/",
        },
        look_for: "The verdict names the port, 8080 vs 8081, as the difference; scheme and host match.",
    },
    Question {
        slug: "origin-subdomain",
        topic: "Origins",
        story: "Your company serves its web app from https://app.example.com and its API from https://api.example.com. One team owns both, and a login cookie set for example.com reaches both.",
        prompt: "Are the app and the API the same origin?",
        choices: &[
            wrong(
                "Yes, the same origin",
                "Sharing example.com makes them the same site, and the cookie follows its own domain rules. The origin check is stricter: it compares the whole host name, and app.example.com is not api.example.com.",
            ),
            right(
                "No, cross-origin",
                "Right. The host differs: hosts are compared whole, and being sibling subdomains of one company counts for nothing in the origin check.",
            ),
        ],
        explanation: "Two subdomains are two origins, whoever owns them. They are the same site, which matters for cookies and SameSite, but CORS looks at origins. For the app to read the API's answers, the API has to send Access-Control-Allow-Origin: https://app.example.com.",
        evidence: Evidence::Origins {
            a: "https://app.example.com/",
            b: "https://api.example.com/v1/me",
        },
        look_for: "The verdict names the host (app.example.com vs api.example.com) as the only difference. Open it in the comparator to see that the two are still the same site.",
    },
    // ----------------------------------------------- What the policy blocks
    Question {
        slug: "open-in-tab",
        topic: "What the policy blocks",
        story: "You want your page at http://localhost:8080 to list the users from http://localhost:8081/users.json. You paste that address into a new tab, and the JSON shows up at once.",
        prompt: "So will fetch() from your page get the JSON too?",
        choices: &[
            wrong(
                "Yes, the same JSON the tab shows",
                "In the tab, the JSON is the page itself and no other origin is reading it. With fetch(), a script from :8080 asks to read what :8081 sent, and that is exactly what the browser checks.",
            ),
            right(
                "No, the script only gets an error",
                "Right. The request is sent and answered. The browser then looks for the server's permission, Access-Control-Allow-Origin, in the response, finds none, and rejects the promise instead of handing over the body.",
            ),
            wrong(
                "No, the browser refuses to send the request",
                "The request does go out: the server log shows it arriving and being answered 200. What the browser holds back is the response, not the request.",
            ),
        ],
        explanation: "Opening a URL in a tab and reading it from a script are different acts. In the tab, the JSON is the page, and no second origin is involved. With fetch(), a page from :8080 wants what :8081 sent, and the browser only passes it on if :8081 says so with Access-Control-Allow-Origin.",
        evidence: Evidence::Lab { slug: "read-users" },
        look_for: "The server log shows GET /users.json arrived and was answered 200, yet JavaScript got a TypeError, and the console names the missing Access-Control-Allow-Origin header.",
    },
    Question {
        slug: "blocked-post",
        topic: "What the policy blocks",
        story: "A teammate's page sends id=13 as a form (application/x-www-form-urlencoded) in a POST to http://localhost:8081/deletePost, an endpoint with no CORS headers and no permission checks. The console shows 'blocked by CORS policy'.",
        prompt: "Is post 13 still there?",
        choices: &[
            wrong(
                "Yes, the blocked POST never reached the server",
                "The error complains about a header missing from the response, and the browser can only know that once a response has come back. A form POST like this is sent straight away; only the reply is hidden.",
            ),
            right(
                "No, the server received the POST and deleted it",
                "Right. A form POST needs no permission up front, so the browser sends it at once. The server deletes post 13 and answers; the browser hides that answer from the script, but the deletion has already happened.",
            ),
        ],
        explanation: "For requests a plain HTML form could send too, the browser does not ask first: it sends the request and checks the response afterwards. CORS then only decides whether your script may see the answer. Whatever the server does in the meantime really happens, so a server must never count on CORS to guard actions that change data.",
        evidence: Evidence::Lab { slug: "delete-post" },
        look_for: "The server log shows POST /deletePost answered 200, and the post list afterwards no longer has post 13, while JavaScript only got a TypeError.",
    },
    Question {
        slug: "runtime-node",
        topic: "What the policy blocks",
        story: "The fetch() of http://localhost:8081/users.json that fails in your page is copied, line for line, into a Node.js script on your laptop.",
        prompt: "What does the Node.js script get?",
        choices: &[
            right(
                "The JSON, without any error",
                "Right. The same-origin policy is not part of JavaScript: the browser enforces it for the pages it runs. Node.js has its own fetch() and no page origin to protect, so it reads the answer like curl does.",
            ),
            wrong(
                "The same CORS error as in the page",
                "The error comes from the browser, not from the language or from fetch() as such. A Node.js script is not a page and has no origin, so there is no same-origin policy to apply.",
            ),
            wrong(
                "An error until the server sends CORS headers",
                "CORS headers are a permission for browsers. A program outside a browser never looks at them: the server's answer is the same either way, and Node.js reads it.",
            ),
            wrong(
                "An error from the server",
                "The server answers every client alike, and it does not enforce CORS at all. The lab's demo server fetches this very URL itself and gets the list.",
            ),
        ],
        explanation: "JavaScript the language knows nothing about origins. fetch(), cookies and the page's document are things the browser provides, and the browser applies the same-origin policy when a page uses them. A server, curl or a Node.js script makes the same request on its own behalf and reads the answer: the policy protects the people using browsers, not the servers.",
        evidence: Evidence::Why { demo: "runtime" },
        look_for: "The API's log shows GET /users.json twice, answered 200 both times: once from the page (with an Origin header, the answer withheld) and once from the demo server's own request (no Origin), which got the headers and the JSON.",
    },
    Question {
        slug: "postman-works",
        topic: "What the policy blocks",
        story: "Your page's fetch() of a partner's API fails with a CORS error. A backend colleague sends the same GET from Postman, gets the JSON back, and says the API is fine, so your JavaScript must be broken.",
        prompt: "What does the Postman test prove?",
        choices: &[
            right(
                "That the API answers, nothing about CORS",
                "Right. Postman, like curl or a Node.js script, is not a browser and applies no same-origin policy, so it reads any answer. Whether a page from your origin may read it is settled only by the API's headers, and it sends none.",
            ),
            wrong(
                "That your fetch() call is written wrong",
                "The call is fine: the request reached the API and was answered. The browser then found no Access-Control-Allow-Origin header for your page's origin and kept the answer from your script; the same line in Node.js would have read it.",
            ),
            wrong(
                "That Postman adds the missing CORS headers",
                "Postman adds nothing of the kind, and CORS headers come from the server anyway. It simply never checks for them, because it has no visitor to protect.",
            ),
            wrong(
                "That the API blocks browsers but not tools",
                "The API answers every client alike: the lab's log shows it answering the page and the demo server with the same 200. The difference is on the receiving end, where only a browser holds the answer back.",
            ),
        ],
        explanation: "A CORS error is the browser's verdict on one question: did the other origin allow this page to read its answer? Tools outside a browser never ask it, so their success only shows that the server is up and the URL is right. The fix belongs on the API (an Access-Control-Allow-Origin header for your origin) or in a same-origin proxy, not in the fetch() call.",
        evidence: Evidence::Why { demo: "runtime" },
        look_for: "The runtime demo fetches one URL twice: the page's fetch() gets a TypeError, while the demo server's own request gets status 200, every header and the JSON. The API's log shows both answered 200, only one with an Origin header.",
    },
    Question {
        slug: "why-img-canvas",
        topic: "What the policy blocks",
        story: "Your page shows a picture from another origin with an <img> tag, and it appears just fine. You then draw it onto a <canvas> and call getImageData() to read its pixels.",
        prompt: "What happens on getImageData()?",
        choices: &[
            wrong(
                "It returns the image's pixels",
                "Showing and reading are different things. The browser paints the image for you to see; handing its pixels to a script would let the page read another origin's content.",
            ),
            right(
                "It throws a SecurityError",
                "Right. Drawing a cross-origin image without CORS marks the canvas as tainted, and a tainted canvas refuses to give scripts its pixels: getImageData, toDataURL and toBlob all throw.",
            ),
            wrong(
                "It returns blank, transparent pixels",
                "The browser does not quietly hand over empty data. Reading a tainted canvas throws, so the script knows it was refused.",
            ),
        ],
        explanation: "A page may embed other origins' images, scripts and styles, because the browser uses them without showing their content to the page's code. Reading the pixels would break that: an image only your login can see might reveal your account, your avatar or a private chart. To read it, the image's server must send CORS headers and the <img> must ask with crossorigin=\"anonymous\".",
        evidence: Evidence::Why { demo: "load-vs-read" },
        look_for: "The demo shows the image on screen, then the SecurityError that getImageData throws on the tainted canvas.",
    },
    Question {
        slug: "font-cdn",
        topic: "What the policy blocks",
        story: "Your shop at https://shop.example loads a stylesheet and, through @font-face, a web font from https://static-cdn.example. The CDN sends no CORS headers at all.",
        prompt: "What does a visitor using Chrome or Firefox see?",
        choices: &[
            wrong(
                "The styles and the font, just as if self-hosted",
                "That is what Safari shows, not Chrome or Firefox: they fetch @font-face fonts as CORS requests, as the CSS Fonts specification says, and a CORS request whose answer has no Access-Control-Allow-Origin fails.",
            ),
            right(
                "The styles, with the text in a fallback font",
                "Right. A stylesheet is embedded like an image and needs no permission. Chrome and Firefox fetch a font in CORS mode, so without Access-Control-Allow-Origin they drop it and draw the text in the next font of the font-family list. (Safari's engine, WebKit, uses the font anyway.)",
            ),
            wrong(
                "Neither the styles nor the font",
                "Stylesheets from other origins apply without any CORS header, as they always have. Only reading their rules from script, through cssRules, needs CORS.",
            ),
            wrong(
                "The font, but the styles are blocked",
                "It is the other way round. The stylesheet applies freely, and the font is the one that needs the CDN's permission.",
            ),
        ],
        explanation: "Most subresources are simply embedded, but fonts are an exception: the specification has browsers fetch them in CORS mode, so a font's server decides which sites may use it, and Chrome and Firefox follow it while Safari does not. A stylesheet's rules can be read from script only with CORS too (a <link crossorigin> and an Access-Control-Allow-Origin answer), yet its styles apply either way. Serving the font from your own origin, or adding the header on the CDN, fixes it.",
        evidence: Evidence::Why { demo: "css-font" },
        look_for: "In Chrome or Firefox the demo's font without CORS ends with FontFace.status \"error\" and the text falls back (in Safari it loads); with Access-Control-Allow-Origin: * it loads everywhere. The stylesheet applies both ways, but reading its cssRules throws a SecurityError without CORS.",
    },
    // ---------------------------------------------- Why the policy exists
    Question {
        slug: "why-intranet",
        topic: "Why the policy exists",
        story: "Your company's wiki runs on an intranet server that only office machines can reach. At lunch you open some random web page, and its script calls fetch() on the wiki's address. (In the lab, the intranet demo origin, port 8082 by default, plays the wiki.)",
        prompt: "Say the request reaches the wiki from your machine. What keeps the page from reading the wiki?",
        choices: &[
            wrong(
                "The wiki rejects requests from outside the company",
                "The request doesn't come from outside: your browser sends it from your office machine, inside the network. To the wiki it looks just like you browsing.",
            ),
            right(
                "The browser keeps the answer from the page",
                "Right. The wiki answers, but with no Access-Control-Allow-Origin header the browser hands nothing to the page's script, so there is nothing to send back to the attacker.",
            ),
            wrong(
                "The company firewall stops the request",
                "Firewalls keep outsiders from connecting in. This connection starts inside, from your browser, so the firewall lets it through.",
            ),
        ],
        explanation: "Without the same-origin policy, any page you visit could use your browser as a door into every network you can reach, read what it finds and upload it. The policy shuts that door by keeping other origins' answers from the page's scripts. Chrome (142 and later) adds a check of its own, Local Network Access: a public page must get your permission before it reaches private or loopback addresses; Firefox and Safari have no such prompt, and in every browser the same-origin policy is what guards the answer.",
        evidence: Evidence::Why { demo: "intranet" },
        look_for: "The intranet server's log shows the page was requested and served, while the attacking page's script got only an error and none of the content. (Here the page is on localhost too, so Chrome's local network prompt does not apply.)",
    },
    Question {
        slug: "why-localhost",
        topic: "Why the policy exists",
        story: "While you code, dev servers run on your laptop at addresses like http://localhost:3000 and http://localhost:5173. A page open in another tab runs a loop that fetches http://localhost:1 through http://localhost:9999.",
        prompt: "What can that page learn from your dev servers?",
        choices: &[
            wrong(
                "Everything those servers would show you",
                "Localhost is your own machine, but the page is a stranger's code that your browser runs. Each dev server is its own origin, and without its permission the page gets no answer to read.",
            ),
            right(
                "It can send requests but not read the answers",
                "Right. Each localhost port is its own origin and the page is on another one, so the answers stay hidden unless a dev server opts in with CORS headers (Access-Control-Allow-Origin: * hands them to anyone). In Chrome 142 and later the page must also get your permission to reach localhost at all.",
            ),
            wrong(
                "Nothing at all",
                "The requests do go out: Firefox and Safari send them, and Chrome (142 and later) sends them once you allow a public site to reach your local network or this machine. What stays hidden are the answers, and a dev server that changes data on a GET or a form POST can still be poked.",
            ),
        ],
        explanation: "Dev servers often hold unreleased code, config files with keys, or admin pages without a password. The same-origin policy is what stops a random page from reading them through your browser. Sending is still possible (once Chrome's prompt is allowed), so a dev server that changes data on a GET or a form POST can still be poked; reading is what is blocked.",
        evidence: Evidence::Why { demo: "localhost" },
        look_for: "The local server's log shows the requests arriving, but the page that sent them cannot read a single answer.",
    },
    Question {
        slug: "logged-in-victim",
        topic: "Why the policy exists",
        story: "You logged in at http://localhost:8081, which set the cookie lab with SameSite=Lax. A page at http://localhost:8080 then runs fetch('http://localhost:8081/account', { credentials: 'include' }), and the API sends no CORS headers.",
        prompt: "What happens?",
        choices: &[
            wrong(
                "The browser sends the request without the cookie",
                "SameSite compares sites, not origins: the scheme and the registrable domain, with the port ignored. localhost:8080 and localhost:8081 are one site, so a Lax cookie goes along. From http://127.0.0.1:8080 it would not, since that is another site.",
            ),
            right(
                "The cookie is sent and the answer is withheld",
                "Right. Both pages are on the site http://localhost, so the Lax cookie goes along in every browser and the API answers as you. With no Access-Control-Allow-Origin for the page (and no Access-Control-Allow-Credentials: true) the browser keeps that answer from the script.",
            ),
            wrong(
                "The script reads your account data",
                "The API did answer with your data, but without Access-Control-Allow-Origin naming the page's origin and Access-Control-Allow-Credentials: true, the browser rejects the fetch and the script gets a TypeError.",
            ),
            wrong(
                "The browser refuses to send the request",
                "A GET like this needs no preflight, so the browser sends it at once, cookie included. The API's log shows it arriving and answered 200; only the answer is held back.",
            ),
        ],
        explanation: "Cookies go with requests to their site no matter which page causes them, so a page can make your browser ask as you. The same-origin policy is what keeps the answer from that page's script; SameSite=Lax only keeps cookies off other sites' fetches, and this page is on the same site. An endpoint that changes something on such a request needs its own defence, such as CSRF tokens or a check of the Origin header.",
        evidence: Evidence::Why { demo: "credentials" },
        look_for: "The API's log shows GET /account from the same-site attacker's page with Cookie: lab=… answered 200, while the page's script reported only a TypeError; from the other site (127.0.0.1) the request came without the cookie and got 401.",
    },
    Question {
        slug: "curl-works",
        topic: "Why the policy exists",
        story: "A colleague pastes the lab's curl command for /users.json into a terminal and gets the JSON back without complaint. \"So the browser check protects nothing,\" they say.",
        prompt: "Why is curl getting the data not a hole in the policy?",
        choices: &[
            wrong(
                "It is a hole in the policy",
                "The check protects something curl never touches: other people's browsers. Strictness belongs in the browser, because that is where code from strangers runs.",
            ),
            right(
                "curl reads with your access only",
                "Right. With curl you can only fetch what you could reach anyway. A web page runs in a visitor's browser, with the visitor's cookies and network, and that access is what the policy keeps from the page.",
            ),
            wrong(
                "curl gets in by faking the Origin header",
                "No faking is needed: the lab's curl command even sends the page's real Origin header, and the server answers it exactly as it answered the page. The difference is that no browser stands between curl and the answer.",
            ),
        ],
        explanation: "The same-origin policy is a browser rule that protects the person using the browser. A page's script is written by the page's author but runs with the visitor's logins and network access, so reading other origins would let the author spy on the visitor. curl is your own tool with your own access, and nobody else's secrets are at stake.",
        evidence: Evidence::Lab { slug: "read-users" },
        look_for: "The lab shows the same request as a curl command: run it in a terminal and the JSON comes back, while the page's own fetch of /users.json got a TypeError.",
    },
    // --------------------------------------------- CORS headers and preflight
    Question {
        slug: "exposed-header",
        topic: "CORS headers and preflight",
        story: "Your API now sends Access-Control-Allow-Origin for your page. Its answer also carries two custom headers, X-Secret: 42 and X-Hidden: 7, and Access-Control-Expose-Headers: X-Secret.",
        prompt: "What do response.headers.get('X-Secret') and response.headers.get('X-Hidden') return in your script?",
        choices: &[
            wrong(
                "'42' and '7'",
                "Allowing the origin unlocks the body and a few safelisted headers such as Content-Type. Any other header stays hidden unless Access-Control-Expose-Headers names it, and it names only X-Secret. (DevTools shows both, because it shows what came over the network, not what the script may read.)",
            ),
            right(
                "'42' and null",
                "Right. X-Secret is listed in Access-Control-Expose-Headers and X-Hidden is not, so the browser filters X-Hidden out of what the script sees.",
            ),
            wrong(
                "null and null",
                "Custom headers can be read across origins when the server opts in. Access-Control-Expose-Headers is that opt-in, and here it names X-Secret.",
            ),
            wrong(
                "null and '7'",
                "That swaps them. Access-Control-Expose-Headers lists the headers to reveal, not the ones to hide, and it names X-Secret.",
            ),
        ],
        explanation: "A cross-origin response reaches your script through a filter. Even with the origin allowed, only a few safelisted headers (such as Content-Type, Content-Length and Cache-Control) pass, plus the ones named in Access-Control-Expose-Headers. Without that header, X-Secret would be as invisible as X-Hidden.",
        evidence: Evidence::Lab { slug: "exposed-header" },
        look_for: "Under what JavaScript got, the readable headers include x-secret but not x-hidden, although the server log shows the server sent both.",
    },
    Question {
        slug: "preflight-trigger",
        topic: "CORS headers and preflight",
        story: "Your page calls fetch('http://localhost:8081/cors', { method: 'PUT', headers: { 'X-Custom': '1' } }).",
        prompt: "What does the browser send to the server first?",
        choices: &[
            wrong(
                "The PUT, with an Origin header added",
                "That is how a simple GET or form POST travels. A PUT, or a custom header, is something an ordinary form could never send, so the browser checks with the server before sending it.",
            ),
            right(
                "An OPTIONS request describing the PUT",
                "Right. That OPTIONS request is the preflight. It carries Access-Control-Request-Method: PUT and Access-Control-Request-Headers: x-custom, and the PUT waits for the answer.",
            ),
            wrong(
                "Nothing, as a PUT never goes to another origin",
                "It does, once the server agrees. The preflight is how the browser gets that agreement in advance.",
            ),
        ],
        explanation: "A request is preflighted when it goes beyond what an HTML form could send: a method other than GET, HEAD or POST, a header outside a short safelist, or a Content-Type other than the three form types. The browser then sends OPTIONS first, describing the method and headers it wants to use. Only if the answer allows them does the real request follow.",
        evidence: Evidence::Lab { slug: "preflight-passes" },
        look_for: "The server log lists OPTIONS /cors first, with Access-Control-Request-Method: PUT and Access-Control-Request-Headers: x-custom, and only after it the PUT.",
    },
    Question {
        slug: "preflight-fails",
        topic: "CORS headers and preflight",
        story: "The same PUT with X-Custom goes to a server that answers the OPTIONS request with a plain 200 and no Access-Control-* headers at all.",
        prompt: "Which requests show up in the server's log?",
        choices: &[
            right(
                "Only the OPTIONS request",
                "Right. The answer to the preflight grants nothing, so the browser stops there. The server never sees the PUT, and nothing the PUT would have done happens.",
            ),
            wrong(
                "The OPTIONS request, then the PUT",
                "That is the fate of simple requests, which go out without asking. A preflighted request is held back until permission arrives, and here it never does.",
            ),
            wrong(
                "No request at all",
                "The browser cannot know the server's rules without asking, so the OPTIONS does go out. It is the PUT that stays home.",
            ),
        ],
        explanation: "A failed preflight ends the fetch before the real request leaves the browser. That is the whole point of preflights: requests a form could never send only go out once the server has agreed. The script gets the same TypeError either way; only the server log shows that the PUT never arrived.",
        evidence: Evidence::Lab { slug: "preflight-fails" },
        look_for: "The server log has a single entry, OPTIONS /cors, and no PUT; the console reports a CORS failure for this URL (Chrome says the response to the preflight did not pass the access control check; Firefox and Safari name the missing Access-Control-Allow-Origin, and the Network tab shows it was the OPTIONS request that failed).",
    },
    Question {
        slug: "json-post",
        topic: "CORS headers and preflight",
        story: "Another teammate rewrites the delete call to send JSON: a POST to http://localhost:8081/deletePost with Content-Type: application/json and the body {\"id\":13}. The server still sends no CORS headers.",
        prompt: "Is post 13 deleted this time?",
        choices: &[
            wrong(
                "Yes, like the form POST",
                "Unlike the form POST, this one needs a preflight: application/json is not a content type a form can send. The server's answer to the OPTIONS grants nothing, and the POST never leaves the browser.",
            ),
            right(
                "No, only a preflight reaches the server",
                "Right. The content type alone turns this into a preflighted request, and without approval the real POST stays in the browser.",
            ),
            wrong(
                "No, the server gets the POST but cannot parse the JSON",
                "The server never gets the chance: the POST does not reach it. Its log shows only an OPTIONS request.",
            ),
        ],
        explanation: "Only three content types count as simple: application/x-www-form-urlencoded, multipart/form-data and text/plain. With application/json the browser asks first, and a server without CORS headers never says yes. Same endpoint, same id, one header changed, and this time nothing is deleted. Don't mistake that for protection, though: an attacker would simply send the form version.",
        evidence: Evidence::Lab { slug: "delete-post-json" },
        look_for: "The server log shows only OPTIONS /deletePost, the post list still has post 13, and the console reports a CORS failure (Chrome names the preflight; Firefox prints the missing Access-Control-Allow-Origin with status 405, then \u{201c}CORS request did not succeed\u{201d}; Safari says the preflight response is not successful, status 405).",
    },
    Question {
        slug: "preflight-passes",
        topic: "CORS headers and preflight",
        story: "You control the server now, and you want the PUT with X-Custom from http://localhost:8080 to work.",
        prompt: "What must the answer to the preflight contain?",
        choices: &[
            wrong(
                "A 2xx status and nothing else",
                "The status only has to be OK; the permission itself is in headers. Without them, even a 204 means no.",
            ),
            right(
                "Allow-Origin, Allow-Methods with PUT, Allow-Headers with X-Custom",
                "Right: one header for who may ask, one for the method, one for the custom header. The PUT is then sent, and its own answer needs Access-Control-Allow-Origin again for the script to read it.",
            ),
            wrong(
                "Access-Control-Allow-Origin alone",
                "Allowing the origin is not enough for a PUT with a custom header. PUT is not a simple method and X-Custom is not a safelisted header, so the preflight answer has to list each of them.",
            ),
            wrong(
                "Allow-Origin, Allow-Methods with PUT, Allow-Credentials true",
                "That covers the origin and the method but not X-Custom, which Access-Control-Allow-Headers has to list. Allow-Credentials only matters when the request carries cookies, and this one does not.",
            ),
        ],
        explanation: "The answer to a preflight must have an OK status, allow the origin, and list every non-simple method and header the request uses. The lab's server answers 204 with exactly that, so the browser goes ahead with the PUT. The PUT's response is then checked on its own, which is why it carries Access-Control-Allow-Origin too.",
        evidence: Evidence::Lab { slug: "preflight-passes" },
        look_for: "The server log shows OPTIONS /cors answered 204 with Access-Control-Allow-Methods: PUT and Access-Control-Allow-Headers: x-custom, then the PUT, and JavaScript can read the body.",
    },
    Question {
        slug: "credentials-star",
        topic: "CORS headers and preflight",
        story: "Your page needs the user's cookie, so it calls fetch(url, { credentials: 'include' }). The API answers with Access-Control-Allow-Origin: * and Access-Control-Allow-Credentials: true.",
        prompt: "Can your script read the response?",
        choices: &[
            wrong(
                "Yes, the wildcard allows every origin",
                "The wildcard only works for requests without credentials. Once cookies are involved, the browser wants to see your exact origin in Access-Control-Allow-Origin.",
            ),
            right(
                "No, the browser refuses * with credentials",
                "Right. An answer built with someone's cookies is personal, and the browser will not release it on a blanket wildcard. The server has to name the origin it trusts.",
            ),
            wrong(
                "No, the cookie is never sent to another origin",
                "With credentials: 'include' it is sent, as far as the cookie's own rules allow. Here the API is another port of the same host, so the same site, and every browser sends it. (To another site, Chrome sends cookies marked SameSite=None, Safari blocks third-party cookies, and Firefox keeps them in a separate jar per site.) The request arrives; it is the wildcard in the answer that makes the browser refuse.",
            ),
        ],
        explanation: "The wildcard * is meant for public data anyone may read. A credentialed answer may hold one user's private data, so the browser insists that the server name the allowed origin and also send Access-Control-Allow-Credentials: true. Many servers echo the request's Origin here, which is only safe if they check it against a list of trusted origins first.",
        evidence: Evidence::Lab { slug: "credentials-star" },
        look_for: "The server log shows the GET arrived with the cookie and was answered with Access-Control-Allow-Origin: *, yet JavaScript got a TypeError, and the console objects to the wildcard '*' in credentials mode 'include'.",
    },
    // ------------------------------------------------------------- Escapes
    Question {
        slug: "fix-on-server",
        topic: "Escapes",
        story: "You own the API at http://localhost:8081, and your page at http://localhost:8080 gets 'No Access-Control-Allow-Origin header is present'. Someone suggests a browser extension that turns CORS off.",
        prompt: "What is the proper fix?",
        choices: &[
            right(
                "The API sends Access-Control-Allow-Origin for the page",
                "Right. The server decides who may read its answers, so the permission has to come from it. Name the origin you trust, http://localhost:8080, and add other Access-Control-* headers only when the requests need them.",
            ),
            wrong(
                "Install the extension, or start the browser with web security off",
                "That only changes your own browser. Every real user still gets the error, and a browser without the policy is open to every page you visit.",
            ),
            wrong(
                "The page sends Access-Control-Allow-Origin with its request",
                "Access-Control-Allow-Origin is a response header: the browser looks for it in the server's answer. Sent with the request it means nothing, and as a custom header it even causes a preflight.",
            ),
        ],
        explanation: "CORS is the server's way of granting permission; the browser only enforces what the server says. If you own the server, add the header there; if you don't, ask its owners or use a same-origin proxy. Switching the check off on your own machine hides the problem from you alone.",
        evidence: Evidence::Lab { slug: "exposed-header" },
        look_for: "In this run the server answers with Access-Control-Allow-Origin set to this page's own origin, and JavaScript reads the body without any error.",
    },
    Question {
        slug: "proxy",
        topic: "Escapes",
        story: "You can't change the API at http://localhost:8081. So your own server at http://localhost:8080 gets a route, /api/proxy/users.json, that fetches the list from the API and passes it on, and your page calls that route instead.",
        prompt: "Why does the page get the data this way?",
        choices: &[
            wrong(
                "The proxy adds a header that switches CORS off",
                "No header is involved. The page's request is same-origin, so there is nothing to switch off.",
            ),
            right(
                "The page asks only its own origin for data",
                "Right. The browser sees a same-origin request and hands over the answer. Your server calling the API is server-to-server traffic, where no same-origin policy applies.",
            ),
            wrong(
                "APIs trust servers more than browsers",
                "The API does nothing different: it answers the proxy exactly as it answered the page. What changed is that no browser stands between the proxy and the answer.",
            ),
        ],
        explanation: "The policy is enforced by browsers on pages, so it only matters where a page reads across origins. With a proxy, the page reads from its own origin and the cross-origin step moves to your server. That is safe because your server uses its own network and no visitor's cookies, so it can only fetch what it could fetch anyway.",
        evidence: Evidence::Why { demo: "proxy" },
        look_for: "The logs show the page's request to /api/proxy/users.json on the app origin, and a request for /users.json on the API marked via=proxy, with no Origin header.",
    },
    Question {
        slug: "jsonp",
        topic: "Escapes",
        story: "Before CORS, sites read other origins' data with JSONP. The page adds <script src=\"https://api.example/users?callback=show\">, and the API answers with JavaScript, show([...]), instead of plain JSON.",
        prompt: "Why does the page get the data?",
        choices: &[
            right(
                "Cross-origin scripts run without a CORS check",
                "Right. A classic <script> loads and runs across origins, the way an image is shown. The page never reads the file: the API's own code calls the page's show() function and hands it the data.",
            ),
            wrong(
                "The callback parameter switches the policy off",
                "callback= is only a name the API writes into its answer. Nothing in a URL changes what the browser allows; what JSONP relies on is that scripts may run across origins.",
            ),
            wrong(
                "A script tag can read any file's text",
                "A script tag never shows the page a file's text; it only runs it. Plain JSON is no use as a script: an object is a syntax error, an array runs and is thrown away, and browsers that block JSON answers to script tags (Chrome's and Firefox's ORB) drop it altogether. That is why the API wraps the data in a function call.",
            ),
            wrong(
                "The API sends CORS headers for scripts",
                "No CORS headers are needed. A classic script without a crossorigin attribute loads in no-cors mode, and the browser runs it without looking for Access-Control-Allow-Origin.",
            ),
        ],
        explanation: "A page may run scripts from other origins; it just cannot read their source. JSONP uses that: the API's answer is code that calls a function the page defined, handing it the data. It only works when the API plays along, and it is risky, because the page runs whatever code the API sends; CORS headers now do the same job with plain JSON.",
        evidence: Evidence::Why { demo: "load-vs-read" },
        look_for: "The demo loads /widget.js from the API origin with a <script> tag: it runs and sets a global although the API sends no CORS headers, while a fetch() of the same file is refused.",
    },
    Question {
        slug: "no-cors",
        topic: "Escapes",
        story: "A forum answer says the CORS error disappears if you add mode: 'no-cors' to your fetch of http://localhost:8081/users.json. You try it, and indeed the console stays quiet.",
        prompt: "What can your script do with the response now?",
        choices: &[
            wrong(
                "Read the JSON as usual",
                "The error is gone because you told the browser you don't intend to read the answer. It holds you to that: to your script the body is empty.",
            ),
            right(
                "It can read nothing in it",
                "Right. no-cors means 'send it, I won't look'. The script gets an opaque response: status 0, no headers, an empty body.",
            ),
            wrong(
                "Read the body, but not the headers",
                "An opaque response hides everything: the status reads 0, the headers are empty and so is the body. There is no partial access.",
            ),
            wrong(
                "Read the status code, but not the body",
                "Even the status is hidden: an opaque response reports 0, whatever the server answered.",
            ),
        ],
        explanation: "mode: 'no-cors' does not switch the policy off; it asks for the kind of access an <img> tag has, where the request goes out and the answer stays closed to scripts. It also limits the request to GET, HEAD or POST with simple headers. To read the data you still need the server's CORS headers, or a same-origin proxy.",
        evidence: Evidence::Lab { slug: "no-cors" },
        look_for: "The server log shows GET /users.json answered 200 with the JSON, while JavaScript got a response of type opaque, status 0, with an empty body.",
    },
    // --------------------------------------------------- Origin edge cases
    Question {
        slug: "origin-default-port",
        topic: "Origin edge cases",
        story: "A config file lists the API as https://example.com:443/, while the page itself was opened as https://example.com/.",
        prompt: "Does writing the port out make it another origin?",
        choices: &[
            right(
                "No, the same origin",
                "Right. 443 is the default port of https, and the parser drops a port equal to the scheme's default, so both URLs come out as https://example.com.",
            ),
            wrong(
                "Yes, cross-origin",
                "What counts is the port in use, not whether someone typed it. An https URL without a port uses 443, so both sides use 443.",
            ),
        ],
        explanation: "A URL that names its scheme's default port (80 for http, 443 for https) loses it when parsed. Both URLs therefore have the origin https://example.com. Writing :8443 instead would have made a different origin.",
        evidence: Evidence::Origins {
            a: "https://example.com:443/",
            b: "https://example.com/",
        },
        look_for: "The verdict says same origin, with port 443 on both sides even though only one URL wrote it.",
    },
    Question {
        slug: "origin-localhost-ip",
        topic: "Origin edge cases",
        story: "The lab's demo API answers at http://localhost:8081 and also at http://127.0.0.1:8081: the same server process, on the same port.",
        prompt: "Are those two addresses the same origin?",
        choices: &[
            wrong(
                "Same origin",
                "localhost does resolve to 127.0.0.1, but the browser never asks where a name resolves. It compares hosts as written, and the name localhost and the address 127.0.0.1 are two different hosts.",
            ),
            right(
                "Cross-origin",
                "Right. The host differs, a name on one side and an IP address on the other, compared as text with no DNS lookup. Cookies go by host too: a cookie kept for localhost is not sent to 127.0.0.1.",
            ),
        ],
        explanation: "The origin check works on the parsed URL, never on the network, so it cannot know (or care) that both addresses reach one process. localhost and 127.0.0.1 are different hosts, hence different origins, and also different sites. The lab uses this to give you a cross-site origin on your own machine.",
        evidence: Evidence::Origins {
            a: "http://localhost:8081/",
            b: "http://127.0.0.1:8081/",
        },
        look_for: "The verdict names the host, localhost vs 127.0.0.1, as the difference; scheme and port match.",
    },
    Question {
        slug: "origin-idn",
        topic: "Origin edge cases",
        story: "A bookshop owns the international domain bücher.example. Its page is open at https://bücher.example/, and a script calls https://xn--bcher-kva.example/api, the same name spelled in ASCII.",
        prompt: "Same origin or cross-origin?",
        choices: &[
            right(
                "Same origin",
                "Right. xn--bcher-kva is the punycode form of bücher: the browser converts a Unicode host to ASCII while parsing, so both sides become xn--bcher-kva.example.",
            ),
            wrong(
                "Cross-origin",
                "The names look different on screen, but the parser turns bücher.example into xn--bcher-kva.example. Origins are compared after that conversion, not letter by letter as typed.",
            ),
        ],
        explanation: "Hosts are compared in their ASCII form. An internationalised name is converted to punycode during parsing, so bücher.example and xn--bcher-kva.example are one host. The same clean-up lowercases host names, which is why EXAMPLE.com and example.com match as well.",
        evidence: Evidence::Origins {
            a: "https://bücher.example/",
            b: "https://xn--bcher-kva.example/api",
        },
        look_for: "The verdict says same origin and shows the host as xn--bcher-kva.example (bücher.example).",
    },
    Question {
        slug: "origin-data-url",
        topic: "Origin edge cases",
        story: "Two iframes on your page are loaded from exactly the same URL: data:text/html,hi.",
        prompt: "Are the two frames the same origin?",
        choices: &[
            wrong(
                "The same origin",
                "For http or https URLs, identical URLs would settle it. A data: URL has no host to compare, so each frame gets an opaque origin of its own, and an opaque origin matches only itself.",
            ),
            right(
                "Cross-origin",
                "Right. Each document loaded from a data: URL gets a brand-new opaque origin (written as null). It is same-origin with itself, but never with another opaque origin, not even its twin.",
            ),
        ],
        explanation: "Only origins made of scheme, host and port can be compared part by part. URLs without a host, such as data:, get an opaque origin instead: a one-off identity that is equal only to itself. So two identical data: URLs load as two origins, and neither frame can reach into the other.",
        evidence: Evidence::Origins {
            a: "data:text/html,hi",
            b: "data:text/html,hi",
        },
        look_for: "The verdict says cross-origin even though the URLs are identical, because the origin is opaque (null).",
    },
];

#[cfg(test)]
mod tests;
