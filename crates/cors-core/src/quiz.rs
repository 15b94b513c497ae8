//! The quiz: situations developers really meet, each with choices, feedback
//! for every choice, an explanation, and the evidence that settles it (a real
//! lab run, an origin comparison, or a live demo on `/why`). Plus the
//! learner's progress, kept as a short string for `localStorage`.
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
    /// A live demo on the /why page; `demo` is one of "intranet", "localhost", "load-vs-read", "proxy".
    Why { demo: &'static str },
}

/// One answer a learner can pick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub text: &'static str,
    pub correct: bool,
    /// Feedback shown when this choice is picked: for a wrong choice, what the
    /// misconception behind it gets wrong.
    pub feedback: &'static str,
}

/// One quiz question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    /// URL-safe and unique: the deep link is `/quiz?q=<slug>`.
    pub slug: &'static str,
    /// "Origins", "Reading vs sending", "Preflight", "Credentials", "no-cors",
    /// "Why the policy exists" or "Workarounds".
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

/// Every question, in teaching order.
pub fn all() -> &'static [Question] {
    QUESTIONS
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

// Origin questions: every choice starts with "Same origin" or "Cross-origin",
// so the tests can check the right one against the comparator.
static QUESTIONS: &[Question] = &[
    // ------------------------------------------------------------ Origins
    Question {
        slug: "origin-path",
        topic: "Origins",
        story: "The cart page of a web shop lives at https://shop.example/cart/. Its script asks https://shop.example/api/orders?page=2 for the customer's past orders.",
        prompt: "Is that call same-origin or cross-origin?",
        choices: &[
            right(
                "Same origin: scheme, host and port all match; path and query don't count.",
                "Yes. An origin is just scheme, host and port. What comes after them (path, query, fragment) may differ as much as it likes.",
            ),
            wrong(
                "Cross-origin: the paths differ, so these are two different origins.",
                "The path is not part of the origin. Every page of one site shares a single origin, which is why a site can call its own /api without any CORS header.",
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
                "Same origin: the host name is the same, and http versus https is only about encryption.",
                "The scheme is the first part of the origin. And since neither URL writes a port, http and https also bring different default ports, 80 and 443.",
            ),
            right(
                "Cross-origin: the scheme differs, and with it the default port (80 vs 443).",
                "Right. Two of the three parts differ here: the scheme, and the default port that comes with it.",
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
        slug: "origin-subdomain",
        topic: "Origins",
        story: "Your company serves its web app from https://app.example.com and its API from https://api.example.com. One team owns both, and a login cookie set for example.com reaches both.",
        prompt: "Are the app and the API the same origin?",
        choices: &[
            wrong(
                "Same origin: they share example.com, and even its cookies.",
                "Sharing a parent domain makes them the same site, and cookies follow their own domain rules. The origin check is stricter: it compares the whole host name, and app.example.com is not api.example.com.",
            ),
            right(
                "Cross-origin: the host names differ, even though both sit under example.com.",
                "Right. Hosts are compared whole. Being sibling subdomains of one company counts for nothing in the origin check.",
            ),
        ],
        explanation: "Two subdomains are two origins, whoever owns them. They are the same site, which matters for cookies and SameSite, but CORS looks at origins. For the app to read the API's answers, the API has to send Access-Control-Allow-Origin: https://app.example.com.",
        evidence: Evidence::Origins {
            a: "https://app.example.com/",
            b: "https://api.example.com/v1/me",
        },
        look_for: "The verdict names the host (app.example.com vs api.example.com) as the only difference. Open it in the comparator to see that the two are still the same site.",
    },
    Question {
        slug: "origin-lab-ports",
        topic: "Origins",
        story: "The page you are reading comes from http://localhost:8080, and the lab's demo API listens on http://localhost:8081. Same machine, same host name.",
        prompt: "Is a fetch from this page to the demo API same-origin?",
        choices: &[
            wrong(
                "Same origin: both are localhost, and a port only picks a program on the machine.",
                "The port is part of the origin. Two programs on one machine may belong to different people or do very different jobs, so the browser keeps them apart.",
            ),
            right(
                "Cross-origin: the port differs (8080 vs 8081).",
                "Right. Same scheme and host, another port: another origin. That is why every lab experiment is a genuine cross-origin request.",
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
        slug: "origin-default-port",
        topic: "Origins",
        story: "A config file lists the API as https://example.com:443/, while the page itself was opened as https://example.com/.",
        prompt: "Does writing the port out make it another origin?",
        choices: &[
            right(
                "Same origin: 443 is the default port of https, so both mean the same.",
                "Right. When parsing, the browser drops a port equal to the scheme's default, so both URLs come out as https://example.com.",
            ),
            wrong(
                "Cross-origin: one URL has a port and the other has none.",
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
        slug: "origin-idn",
        topic: "Origins",
        story: "A bookshop owns the international domain bücher.example. Its page is open at https://bücher.example/, and a script calls https://xn--bcher-kva.example/api, the same name spelled in ASCII.",
        prompt: "Same origin or cross-origin?",
        choices: &[
            right(
                "Same origin: xn--bcher-kva is the punycode form of bücher, so the hosts are equal.",
                "Right. The browser converts a Unicode host to its ASCII (punycode) form while parsing, so both sides become xn--bcher-kva.example.",
            ),
            wrong(
                "Cross-origin: the two host names are spelled differently.",
                "They look different on screen, but the parser turns bücher.example into xn--bcher-kva.example. Origins are compared after that conversion, not letter by letter as typed.",
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
        slug: "origin-localhost-ip",
        topic: "Origins",
        story: "The lab's demo API answers at http://localhost:8081 and also at http://127.0.0.1:8081: the same server process, on the same port.",
        prompt: "Are those two addresses the same origin?",
        choices: &[
            wrong(
                "Same origin: localhost resolves to 127.0.0.1, so it is the same server.",
                "The browser never asks where a name resolves. It compares hosts as written, and the name localhost and the address 127.0.0.1 are two different hosts.",
            ),
            right(
                "Cross-origin: the hosts differ, a name on one side and an IP address on the other.",
                "Right. Hosts are compared as text after parsing, with no DNS lookup. They are not even the same site, so a cookie for localhost is not sent to 127.0.0.1.",
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
        slug: "origin-data-url",
        topic: "Origins",
        story: "Two iframes on your page are loaded from exactly the same URL: data:text/html,hi.",
        prompt: "Are the two frames the same origin?",
        choices: &[
            wrong(
                "Same origin: the two URLs are identical, character for character.",
                "For http or https URLs that would settle it. A data: URL has no host to compare, so it gets an opaque origin, and an opaque origin equals nothing but itself.",
            ),
            right(
                "Cross-origin: a data: URL gets an opaque origin, and every opaque origin is unique.",
                "Right. Each document loaded from a data: URL gets a brand-new opaque origin (written as null) that matches nothing else, not even its twin.",
            ),
        ],
        explanation: "Only origins made of scheme, host and port can be compared part by part. URLs without a host, such as data:, get an opaque origin instead: a one-off identity that is equal only to itself. So two identical data: URLs load as two origins, and neither frame can reach into the other.",
        evidence: Evidence::Origins {
            a: "data:text/html,hi",
            b: "data:text/html,hi",
        },
        look_for: "The verdict says cross-origin even though the URLs are identical, because the origin is opaque (null).",
    },
    // ------------------------------------------------- Reading vs sending
    Question {
        slug: "open-in-tab",
        topic: "Reading vs sending",
        story: "You want your page at http://localhost:8080 to list the users from http://localhost:8081/users.json. You paste that address into a new tab, and the JSON shows up at once.",
        prompt: "So will fetch() from your page get the JSON too?",
        choices: &[
            wrong(
                "Yes: if the browser can open it, the browser can fetch it.",
                "In the tab, the JSON is a page of its own and no other page is reading it. With fetch(), a script from one origin asks to read another origin's answer, and that is exactly what the browser checks.",
            ),
            right(
                "No: the request is sent and answered, but the browser keeps the answer from your script, because the API sends no Access-Control-Allow-Origin header.",
                "Right. The server answers without fuss; the browser then looks for the server's permission in the response headers, finds none, and rejects the promise instead of handing over the body.",
            ),
            wrong(
                "No: the browser refuses to send requests to another origin at all.",
                "The request does go out: the server log shows it arriving and being answered. What the browser holds back is the response, not the request.",
            ),
        ],
        explanation: "Opening a URL in a tab and reading it from a script are different acts. In the tab, the JSON is the page, and no second origin is involved. With fetch(), a page from :8080 wants what :8081 sent, and the browser only passes it on if :8081 says so with Access-Control-Allow-Origin.",
        evidence: Evidence::Lab { slug: "read-users" },
        look_for: "The server log shows GET /users.json arrived and was answered 200, yet JavaScript got a TypeError, and the console names the missing Access-Control-Allow-Origin header.",
    },
    Question {
        slug: "blocked-post",
        topic: "Reading vs sending",
        story: "A teammate's page sends id=13 as a form (application/x-www-form-urlencoded) in a POST to http://localhost:8081/deletePost, an endpoint with no CORS headers and no permission checks. The console shows 'blocked by CORS policy'.",
        prompt: "Is post 13 still there?",
        choices: &[
            wrong(
                "Yes: the browser blocked the request, so the server never saw it.",
                "The error complains about a header missing from the response, and the browser can only know that once a response has come back. A form POST like this is sent straight away; only the reply is hidden.",
            ),
            right(
                "No: the POST reached the server and deleted the post; only the reply was kept from the script.",
                "Right. A form POST needs no permission up front, so the browser sends it immediately. The server deletes post 13 and answers; the browser hides that answer, but the deletion has already happened.",
            ),
        ],
        explanation: "For requests a plain HTML form could send too, the browser does not ask first: it sends the request and checks the response afterwards. CORS then only decides whether your script may see the answer. Whatever the server does in the meantime really happens, so a server must never count on CORS to guard actions that change data.",
        evidence: Evidence::Lab { slug: "delete-post" },
        look_for: "The server log shows POST /deletePost answered 200, and the post list afterwards no longer has post 13, while JavaScript only got a TypeError.",
    },
    Question {
        slug: "exposed-header",
        topic: "Reading vs sending",
        story: "Your API now sends Access-Control-Allow-Origin for your page. Its answer also carries two custom headers, X-Secret: 42 and X-Hidden: 7, and Access-Control-Expose-Headers: X-Secret.",
        prompt: "What do response.headers.get('X-Secret') and response.headers.get('X-Hidden') return in your script?",
        choices: &[
            wrong(
                "'42' and '7': once the origin is allowed, every header can be read.",
                "Allowing the origin unlocks the body and a short list of harmless headers such as Content-Type. Any other header stays hidden unless the server names it in Access-Control-Expose-Headers.",
            ),
            right(
                "'42' and null: only X-Secret was exposed.",
                "Right. X-Secret is listed in Access-Control-Expose-Headers and X-Hidden is not, so the browser filters X-Hidden out of what the script sees.",
            ),
            wrong(
                "null and null: custom headers are never visible across origins.",
                "They can be, when the server opts in. Access-Control-Expose-Headers is that opt-in, and here it names X-Secret.",
            ),
            wrong(
                "'42' and '7': DevTools lists both headers, so JavaScript gets both.",
                "DevTools shows you everything that came over the network. The page's script gets a filtered view of the response, and X-Hidden does not pass the filter.",
            ),
        ],
        explanation: "A cross-origin response reaches your script through a filter. Even with the origin allowed, only a few safelisted headers (such as Content-Type, Content-Length and Cache-Control) pass, plus the ones named in Access-Control-Expose-Headers. Without that header, X-Secret would be as invisible as X-Hidden.",
        evidence: Evidence::Lab { slug: "exposed-header" },
        look_for: "Under what JavaScript got, the readable headers include x-secret but not x-hidden, although the server log shows the server sent both.",
    },
    // ---------------------------------------------------------- Preflight
    Question {
        slug: "preflight-trigger",
        topic: "Preflight",
        story: "Your page calls fetch('http://localhost:8081/cors', { method: 'PUT', headers: { 'X-Custom': '1' } }).",
        prompt: "What does the browser send to the server first?",
        choices: &[
            wrong(
                "The PUT itself, with an Origin header added.",
                "That is how a simple GET or form POST travels. A PUT, or a custom header, is something an ordinary form could never send, so the browser checks with the server before sending it.",
            ),
            right(
                "An OPTIONS request asking whether a PUT with X-Custom is allowed.",
                "Right. That OPTIONS request is the preflight. It carries Access-Control-Request-Method: PUT and Access-Control-Request-Headers: x-custom, and the PUT waits for the answer.",
            ),
            wrong(
                "Nothing: browsers never send a PUT to another origin.",
                "They do, once the server agrees. The preflight is how the browser gets that agreement in advance.",
            ),
        ],
        explanation: "A request is preflighted when it goes beyond what an HTML form could send: a method other than GET, HEAD or POST, a header outside a short safelist, or a Content-Type other than the three form types. The browser then sends OPTIONS first, describing the method and headers it wants to use. Only if the answer allows them does the real request follow.",
        evidence: Evidence::Lab { slug: "preflight-passes" },
        look_for: "The server log lists OPTIONS /cors first, with Access-Control-Request-Method: PUT and Access-Control-Request-Headers: x-custom, and only after it the PUT.",
    },
    Question {
        slug: "preflight-fails",
        topic: "Preflight",
        story: "The same PUT with X-Custom goes to a server that answers the OPTIONS request with a plain 200 and no Access-Control-* headers at all.",
        prompt: "Which requests show up in the server's log?",
        choices: &[
            right(
                "Only the OPTIONS preflight; the PUT is never sent.",
                "Right. The answer to the preflight grants nothing, so the browser stops there. The server never sees the PUT, and nothing the PUT would have done happens.",
            ),
            wrong(
                "The OPTIONS, then the PUT, whose answer is hidden from the script.",
                "That is the fate of simple requests, which go out without asking. A preflighted request is held back until permission arrives, and here it never does.",
            ),
            wrong(
                "None: the browser decides on its own, without asking.",
                "The browser cannot know the server's rules without asking, so the OPTIONS does go out. It is the PUT that stays home.",
            ),
        ],
        explanation: "A failed preflight ends the fetch before the real request leaves the browser. That is the whole point of preflights: requests a form could never send only go out once the server has agreed. The script gets the same TypeError either way; only the server log shows that the PUT never arrived.",
        evidence: Evidence::Lab { slug: "preflight-fails" },
        look_for: "The server log has a single entry, OPTIONS /cors, and no PUT; the console says the preflight response did not pass the access control check.",
    },
    Question {
        slug: "json-post",
        topic: "Preflight",
        story: "Another teammate rewrites the delete call to send JSON: a POST to http://localhost:8081/deletePost with Content-Type: application/json and the body {\"id\":13}. The server still sends no CORS headers.",
        prompt: "Is post 13 deleted this time?",
        choices: &[
            wrong(
                "Yes: like the form POST, it reaches the server and only the answer is hidden.",
                "application/json is not a content type a form can send, so this POST needs a preflight. The server's answer to the OPTIONS grants nothing, and the POST never leaves the browser.",
            ),
            right(
                "No: the browser sends a preflight first, the server doesn't approve, and the POST is never sent.",
                "Right. The content type alone turns this into a preflighted request, and without approval the real POST stays in the browser.",
            ),
            wrong(
                "No: the server receives the POST but cannot handle JSON.",
                "The server never gets the chance: the POST does not reach it. Its log shows only an OPTIONS request.",
            ),
        ],
        explanation: "Only three content types count as simple: application/x-www-form-urlencoded, multipart/form-data and text/plain. With application/json the browser asks first, and a server without CORS headers never says yes. Same endpoint, same id, one header changed, and this time nothing is deleted. Don't mistake that for protection, though: an attacker would simply send the form version.",
        evidence: Evidence::Lab { slug: "delete-post-json" },
        look_for: "The server log shows only OPTIONS /deletePost, the post list still has post 13, and the console reports the failed preflight.",
    },
    Question {
        slug: "preflight-passes",
        topic: "Preflight",
        story: "You control the server now, and you want the PUT with X-Custom from http://localhost:8080 to work.",
        prompt: "What must the answer to the preflight contain?",
        choices: &[
            wrong(
                "Just a 2xx status: a successful OPTIONS means yes.",
                "The status only has to be OK; the permission itself is in headers. Without them, even a 204 means no.",
            ),
            right(
                "Access-Control-Allow-Origin for the page's origin, Access-Control-Allow-Methods with PUT, and Access-Control-Allow-Headers with X-Custom.",
                "Right: one header for who may ask, one for the method, one for the custom header. The PUT is then sent, and its own answer needs Access-Control-Allow-Origin again for the script to read it.",
            ),
            wrong(
                "Access-Control-Allow-Origin alone; the rest is optional.",
                "Allowing the origin is not enough for a PUT with a custom header. PUT is not a simple method and X-Custom is not a safelisted header, so the preflight answer has to list each of them.",
            ),
        ],
        explanation: "The answer to a preflight must have an OK status, allow the origin, and list every non-simple method and header the request uses. The lab's server answers 204 with exactly that, so the browser goes ahead with the PUT. The PUT's response is then checked on its own, which is why it carries Access-Control-Allow-Origin too.",
        evidence: Evidence::Lab { slug: "preflight-passes" },
        look_for: "The server log shows OPTIONS /cors answered 204 with Access-Control-Allow-Methods: PUT and Access-Control-Allow-Headers: x-custom, then the PUT, and JavaScript can read the body.",
    },
    // -------------------------------------------------------- Credentials
    Question {
        slug: "credentials-star",
        topic: "Credentials",
        story: "Your page needs the user's cookie, so it calls fetch(url, { credentials: 'include' }). The API answers with Access-Control-Allow-Origin: * and Access-Control-Allow-Credentials: true.",
        prompt: "Can your script read the response?",
        choices: &[
            wrong(
                "Yes: * allows every origin, yours included.",
                "The wildcard only works for requests without credentials. Once cookies are involved, the browser wants to see your exact origin in Access-Control-Allow-Origin.",
            ),
            right(
                "No: with credentials, Access-Control-Allow-Origin must name your origin exactly, and * is refused.",
                "Right. An answer built with someone's cookies is personal, and the browser will not release it on a blanket wildcard. The server has to name the origin it trusts.",
            ),
            wrong(
                "No: cookies are never sent to another origin, so the request fails.",
                "With credentials: 'include' they are sent, as far as the cookie's own rules (such as SameSite) allow. The request arrives; it is the wildcard in the answer that makes the browser refuse.",
            ),
        ],
        explanation: "The wildcard * is meant for public data anyone may read. A credentialed answer may hold one user's private data, so the browser insists that the server name the allowed origin and also send Access-Control-Allow-Credentials: true. Many servers echo the request's Origin here, which is only safe if they check it against a list of trusted origins first.",
        evidence: Evidence::Lab { slug: "credentials-star" },
        look_for: "The server log shows the GET arrived and was answered with Access-Control-Allow-Origin: *, yet JavaScript got a TypeError, and the console objects to the wildcard '*' in credentials mode 'include'.",
    },
    // ------------------------------------------------------------ no-cors
    Question {
        slug: "no-cors",
        topic: "no-cors",
        story: "A forum answer says the CORS error disappears if you add mode: 'no-cors' to your fetch of http://localhost:8081/users.json. You try it, and indeed the console stays quiet.",
        prompt: "What can your script do with the response now?",
        choices: &[
            wrong(
                "Read the JSON as usual: the error is gone.",
                "The error is gone because you told the browser you don't intend to read the answer. It holds you to that: to your script the body is empty.",
            ),
            right(
                "Almost nothing: it gets an opaque response, with status 0, no readable headers and an empty body.",
                "Right. no-cors means 'send it, I won't look'. The response is a sealed box your code cannot open.",
            ),
            wrong(
                "Read the body, but not the headers.",
                "An opaque response hides everything: the status reads 0, the headers are empty and so is the body. There is no partial access.",
            ),
        ],
        explanation: "mode: 'no-cors' does not switch the policy off; it asks for the kind of access an <img> tag has, where the request goes out and the answer stays closed to scripts. It also limits the request to GET, HEAD or POST with simple headers. To read the data you still need the server's CORS headers, or a same-origin proxy.",
        evidence: Evidence::Lab { slug: "no-cors" },
        look_for: "The server log shows GET /users.json answered 200 with the JSON, while JavaScript got a response of type opaque, status 0, with an empty body.",
    },
    // ---------------------------------------------- Why the policy exists
    Question {
        slug: "why-intranet",
        topic: "Why the policy exists",
        story: "Your company's wiki runs on an intranet server that only office machines can reach. At lunch you open some random web page, and its script quietly calls fetch() on the wiki's address. (In the lab, the intranet demo origin, port 8082 by default, plays the wiki.)",
        prompt: "The request does reach the wiki from your machine. What keeps the page from stealing the wiki's content?",
        choices: &[
            wrong(
                "The wiki rejects it, because the request comes from outside the company.",
                "It doesn't come from outside: your browser sends it, from your office machine, inside the network. To the wiki it looks just like you browsing.",
            ),
            right(
                "Your browser receives the answer but won't hand it to a script from another origin, so there is nothing to send back to the attacker.",
                "Right. The fetch goes out and the wiki replies, but with no Access-Control-Allow-Origin header the answer stays inside the browser. The attacker's script learns nothing.",
            ),
            wrong(
                "The company firewall blocks it.",
                "Firewalls keep outsiders from connecting in. This connection starts inside, from your browser, so the firewall lets it through.",
            ),
        ],
        explanation: "Without the same-origin policy, any page you visit could use your browser as a door into every network you can reach, read what it finds there and upload it to its author. The policy shuts that door by keeping other origins' answers away from the page's scripts. The attacker can't reach the wiki from home; your browser can, and that access is what the policy guards.",
        evidence: Evidence::Why { demo: "intranet" },
        look_for: "The intranet server's log shows the page was requested and served, while the attacking page's script got only an error and none of the content.",
    },
    Question {
        slug: "why-localhost",
        topic: "Why the policy exists",
        story: "While you code, dev servers run on your laptop at addresses like http://localhost:3000 and http://localhost:5173. A page open in another tab runs a loop that fetches http://localhost:1 through http://localhost:9999.",
        prompt: "What can that page learn from your dev servers?",
        choices: &[
            wrong(
                "Everything they serve: localhost is your own machine, so it is trusted.",
                "That trust is exactly what such a page would abuse. The page is not on your side: it is a stranger's code that your browser happens to run.",
            ),
            right(
                "It can send them requests, but it cannot read the answers unless a server opts in with CORS headers.",
                "Right. Every localhost port is its own origin, and the page's origin is another one. The answers stay hidden, unless your dev server sends Access-Control-Allow-Origin: *, which hands them to anyone who asks.",
            ),
            wrong(
                "Nothing: browsers never let a website send requests to localhost.",
                "The requests can go out; the policy is about reading the answers. Some browsers now add extra checks when public sites call local addresses, but the same-origin policy is what stops the reading.",
            ),
        ],
        explanation: "Dev servers often hold unreleased code, config files with keys, or admin pages without a password. The same-origin policy is what stops a random page from reading them through your browser. Sending is still possible, so a dev server that changes data on a GET or a form POST can still be poked; reading is what is blocked.",
        evidence: Evidence::Why { demo: "localhost" },
        look_for: "The local server's log shows the requests arriving, but the page that sent them cannot read a single answer.",
    },
    Question {
        slug: "why-img-canvas",
        topic: "Why the policy exists",
        story: "Your page shows a picture from another origin with an <img> tag, and it appears just fine. You then draw it onto a <canvas> and call getImageData() to read its pixels.",
        prompt: "What happens on getImageData()?",
        choices: &[
            wrong(
                "It returns the pixels: the image is already on screen.",
                "Showing and reading are different things. The browser paints the image for the user; handing its pixels to a script would let the page read another origin's content.",
            ),
            right(
                "It throws a SecurityError: the cross-origin image has tainted the canvas.",
                "Right. Drawing the image marks the canvas as tainted, and a tainted canvas refuses to give scripts its pixels: getImageData, toDataURL and toBlob all throw.",
            ),
            wrong(
                "Nothing to read: the <img> would not have loaded in the first place.",
                "Embedding images from other origins has always worked, and the web depends on it. The limit is on reading, not on loading.",
            ),
        ],
        explanation: "A page may embed other origins' images, scripts and styles, because the browser uses them without showing their content to the page's code. Reading the pixels would break that: an image only your login can see might reveal your account, your avatar or a private chart. To read it, the image's server must send CORS headers and the <img> must ask with crossorigin=\"anonymous\".",
        evidence: Evidence::Why { demo: "load-vs-read" },
        look_for: "The demo shows the image on screen, then the SecurityError that getImageData throws on the tainted canvas.",
    },
    Question {
        slug: "curl-works",
        topic: "Why the policy exists",
        story: "A colleague pastes the lab's curl command for /users.json into a terminal and gets the JSON back without complaint. \"So the browser check protects nothing,\" they say.",
        prompt: "Why is curl getting the data not a hole in the policy?",
        choices: &[
            wrong(
                "It is a hole: browsers are simply stricter than they need to be.",
                "The check protects something curl never touches: other people's browsers. Strictness belongs in the browser, because that is where code from strangers runs.",
            ),
            right(
                "curl runs as you, on your machine, with your cookies and your network; the policy protects visitors from code that a page runs in their browser.",
                "Right. With curl you can only fetch what you could reach anyway. A web page runs in a visitor's browser, with the visitor's cookies and network, and that access is what the policy keeps from the page.",
            ),
            wrong(
                "curl gets around it by faking the Origin header.",
                "No faking is needed: the lab's curl command even sends the page's real Origin header, and the server answers it exactly as it answered the page. The difference is that no browser stands between curl and the answer.",
            ),
        ],
        explanation: "The same-origin policy is a browser rule that protects the person using the browser. A page's script is written by the page's author but runs with the visitor's logins and network access, so reading other origins would let the author spy on the visitor. curl is your own tool with your own access, and nobody else's secrets are at stake.",
        evidence: Evidence::Lab { slug: "read-users" },
        look_for: "The lab shows the same request as a curl command: run it in a terminal and the JSON comes back, while the page's own fetch of /users.json got a TypeError.",
    },
    // -------------------------------------------------------- Workarounds
    Question {
        slug: "proxy",
        topic: "Workarounds",
        story: "You can't change the API at http://localhost:8081. So your own server at http://localhost:8080 gets a route, /api/proxy/users.json, that fetches the list from the API and passes it on, and your page calls that route instead.",
        prompt: "Why does the page get the data this way?",
        choices: &[
            wrong(
                "The proxy adds a special header that switches CORS off.",
                "No header is involved. The page's request is same-origin, so there is nothing to switch off.",
            ),
            right(
                "The page only talks to its own origin, and the hop from your server to the API happens outside any browser.",
                "Right. The browser sees a same-origin request and hands over the answer. Your server calling the API is server-to-server traffic, where no same-origin policy applies.",
            ),
            wrong(
                "APIs trust servers but not browsers.",
                "The API does nothing different: it answers the proxy exactly as it answered the page. What changed is that no browser stands between the proxy and the answer.",
            ),
        ],
        explanation: "The policy is enforced by browsers on pages, so it only matters where a page reads across origins. With a proxy, the page reads from its own origin and the cross-origin step moves to your server. That is safe because your server uses its own network and no visitor's cookies, so it can only fetch what it could fetch anyway.",
        evidence: Evidence::Why { demo: "proxy" },
        look_for: "The logs show the page's request to /api/proxy/users.json on the app origin, and a request for /users.json on the API marked via=proxy, with no Origin header.",
    },
    Question {
        slug: "fix-on-server",
        topic: "Workarounds",
        story: "You own the API at http://localhost:8081, and your page at http://localhost:8080 gets 'No Access-Control-Allow-Origin header is present'. Someone suggests a browser extension that turns CORS off.",
        prompt: "What is the proper fix?",
        choices: &[
            right(
                "Have the API answer with Access-Control-Allow-Origin: http://localhost:8080.",
                "Right. The server decides who may read its answers, so the permission has to come from it. Name the origin you trust, and add other Access-Control-* headers only when the requests need them.",
            ),
            wrong(
                "Install the extension, or start the browser with web security turned off.",
                "That only changes your own browser. Every real user still gets the error, and a browser without the policy is open to every page you visit.",
            ),
            wrong(
                "Add Access-Control-Allow-Origin to the request headers of the page's fetch.",
                "Access-Control-Allow-Origin is a response header: the browser looks for it in the server's answer. Sent with the request it means nothing, and as a custom header it even causes a preflight.",
            ),
        ],
        explanation: "CORS is the server's way of granting permission; the browser only enforces what the server says. If you own the server, add the header there; if you don't, ask its owners or use a same-origin proxy. Switching the check off on your own machine hides the problem from you alone.",
        evidence: Evidence::Lab { slug: "exposed-header" },
        look_for: "In this run the server answers with Access-Control-Allow-Origin set to this page's own origin, and JavaScript reads the body without any error.",
    },
];

#[cfg(test)]
mod tests;
