//! The quiz: situations developers really meet, each with choices (short
//! claims), feedback for every choice, an explanation, and the evidence that
//! settles it (a real lab run, an origin comparison, or a live demo on
//! `/why`). Questions come in sections ([`Topic`]) that follow the article's
//! arc, from origins to the ways around the policy. Choices are shown in an order of
//! their own per learner and question ([`display_order`]). Plus the learner's
//! progress, kept as a short string for `localStorage`.
//!
//! Core holds the quiz's structure (questions, choices, which one is right,
//! the evidence); every sentence a learner reads lives in
//! `locales/<lang>/quiz.json`, keyed by [`QuestionId::key`] and
//! [`option_key`]. The questions are data, checked by tests (the words too,
//! in every locale, read from those files): every lab experiment they name
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
/// stable id (progress and `data-option` use it; [`option_key`] names it in
/// the locale files); the screen shows the choices in [`display_order`].
/// Its words (a short claim, and feedback saying why it is right or what the
/// misconception behind it gets wrong) live in `locales/<lang>/quiz.json`
/// under `questions.<question key>.choices.<option key>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub correct: bool,
}

/// The right choice.
pub const RIGHT: Choice = Choice { correct: true };
/// A wrong choice.
pub const WRONG: Choice = Choice { correct: false };

/// The locale files' key of choice `index`: `a`, `b`, `c`, `d`.
pub fn option_key(index: usize) -> Option<&'static str> {
    ["a", "b", "c", "d"].get(index).copied()
}

macro_rules! question_ids {
    ($($id:ident = $slug:literal,)*) => {
        /// Every question, by name. Its words (story, prompt, choices,
        /// explanation, what to look for) live in `locales/<lang>/quiz.json`
        /// under `questions.<key>` (the slug with `_` for `-`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum QuestionId {
            $($id,)*
        }

        impl QuestionId {
            pub const ALL: &'static [QuestionId] = &[$(QuestionId::$id,)*];

            /// URL-safe and unique: the deep link is `/quiz?q=<slug>`.
            pub const fn slug(self) -> &'static str {
                match self {
                    $(QuestionId::$id => $slug,)*
                }
            }
        }
    };
}

question_ids! {
    OriginPath = "origin-path",
    OriginScheme = "origin-scheme",
    OriginLabPorts = "origin-lab-ports",
    OriginSubdomain = "origin-subdomain",
    OpenInTab = "open-in-tab",
    BlockedPost = "blocked-post",
    RuntimeNode = "runtime-node",
    PostmanWorks = "postman-works",
    WhyImgCanvas = "why-img-canvas",
    FontCdn = "font-cdn",
    WhyIntranet = "why-intranet",
    WhyLocalhost = "why-localhost",
    LoggedInVictim = "logged-in-victim",
    CurlWorks = "curl-works",
    ExposedHeader = "exposed-header",
    PreflightTrigger = "preflight-trigger",
    PreflightFails = "preflight-fails",
    JsonPost = "json-post",
    PreflightPasses = "preflight-passes",
    CredentialsStar = "credentials-star",
    FixOnServer = "fix-on-server",
    Proxy = "proxy",
    Jsonp = "jsonp",
    NoCors = "no-cors",
    OriginDefaultPort = "origin-default-port",
    OriginLocalhostIp = "origin-localhost-ip",
    OriginIdn = "origin-idn",
    OriginDataUrl = "origin-data-url",
}

impl QuestionId {
    /// The locale files' key: the slug with `_` for `-`.
    pub fn key(self) -> String {
        self.slug().replace('-', "_")
    }
}

/// One quiz question: its structure. What it says is in the locale files
/// (see [`QuestionId`]): a realistic situation in one to three sentences,
/// the question itself, two to four choices, an explanation of two to four
/// sentences, and what to look at in the evidence (e.g. "The server log
/// shows POST /deletePost answered 200, and post 13 is gone.").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    pub id: QuestionId,
    /// `id.slug()`: the deep link is `/quiz?q=<slug>`.
    pub slug: &'static str,
    /// The section it belongs to.
    pub topic: Topic,
    /// Two to four choices, exactly one of them correct.
    pub choices: &'static [Choice],
    pub evidence: Evidence,
}

const fn question(
    id: QuestionId,
    topic: Topic,
    choices: &'static [Choice],
    evidence: Evidence,
) -> Question {
    Question {
        id,
        slug: id.slug(),
        topic,
        choices,
        evidence,
    }
}

/// A part of the quiz, in the article's order. Its name and what it teaches
/// (one line, shown with each of its questions) live in the locale files
/// under `topics.<key>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Topic {
    /// What an origin is.
    Origins,
    /// Requests are sent; answers are withheld from scripts.
    WhatItBlocks,
    /// Your network and your cookies.
    WhyItExists,
    /// How a server grants access, and preflights.
    HeadersAndPreflight,
    /// The ways to read across origins.
    Escapes,
    /// What the browser does to a URL before comparing.
    EdgeCases,
}

impl Topic {
    /// The sections in teaching order, from easy to hard.
    pub const ALL: [Topic; 6] = [
        Topic::Origins,
        Topic::WhatItBlocks,
        Topic::WhyItExists,
        Topic::HeadersAndPreflight,
        Topic::Escapes,
        Topic::EdgeCases,
    ];

    /// The locale files' key.
    pub const fn key(self) -> &'static str {
        match self {
            Topic::Origins => "origins",
            Topic::WhatItBlocks => "what_it_blocks",
            Topic::WhyItExists => "why_it_exists",
            Topic::HeadersAndPreflight => "headers_and_preflight",
            Topic::Escapes => "escapes",
            Topic::EdgeCases => "edge_cases",
        }
    }
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

// Every choice keeps its index for good: progress stores the index, so a new
// choice goes at the end (and gets the next option key in every locale).
// Origin questions offer "same origin" and "cross-origin" choices, so the
// tests can check the right one against the comparator.
static QUESTIONS: &[Question] = &[
    question(
        QuestionId::OriginPath,
        Topic::Origins,
        &[RIGHT, WRONG],
        Evidence::Origins {
            a: "https://shop.example/cart/",
            b: "https://shop.example/api/orders?page=2",
        },
    ),
    question(
        QuestionId::OriginScheme,
        Topic::Origins,
        &[WRONG, RIGHT],
        Evidence::Origins {
            a: "http://blog.example/2019/hello.html",
            b: "https://blog.example/api/comments",
        },
    ),
    question(
        QuestionId::OriginLabPorts,
        Topic::Origins,
        &[WRONG, RIGHT],
        Evidence::Origins {
            a: "http://localhost:8080/",
            b: "http://localhost:8081/",
        },
    ),
    question(
        QuestionId::OriginSubdomain,
        Topic::Origins,
        &[WRONG, RIGHT],
        Evidence::Origins {
            a: "https://app.example.com/",
            b: "https://api.example.com/v1/me",
        },
    ),
    question(
        QuestionId::OpenInTab,
        Topic::WhatItBlocks,
        &[WRONG, RIGHT, WRONG],
        Evidence::Lab { slug: "read-users" },
    ),
    question(
        QuestionId::BlockedPost,
        Topic::WhatItBlocks,
        &[WRONG, RIGHT],
        Evidence::Lab {
            slug: "delete-post",
        },
    ),
    question(
        QuestionId::RuntimeNode,
        Topic::WhatItBlocks,
        &[RIGHT, WRONG, WRONG, WRONG],
        Evidence::Why { demo: "runtime" },
    ),
    question(
        QuestionId::PostmanWorks,
        Topic::WhatItBlocks,
        &[RIGHT, WRONG, WRONG, WRONG],
        Evidence::Why { demo: "runtime" },
    ),
    question(
        QuestionId::WhyImgCanvas,
        Topic::WhatItBlocks,
        &[WRONG, RIGHT, WRONG],
        Evidence::Why {
            demo: "load-vs-read",
        },
    ),
    question(
        QuestionId::FontCdn,
        Topic::WhatItBlocks,
        &[WRONG, RIGHT, WRONG, WRONG],
        Evidence::Why { demo: "css-font" },
    ),
    question(
        QuestionId::WhyIntranet,
        Topic::WhyItExists,
        &[WRONG, RIGHT, WRONG],
        Evidence::Why { demo: "intranet" },
    ),
    question(
        QuestionId::WhyLocalhost,
        Topic::WhyItExists,
        &[WRONG, RIGHT, WRONG],
        Evidence::Why { demo: "localhost" },
    ),
    question(
        QuestionId::LoggedInVictim,
        Topic::WhyItExists,
        &[WRONG, RIGHT, WRONG, WRONG],
        Evidence::Why {
            demo: "credentials",
        },
    ),
    question(
        QuestionId::CurlWorks,
        Topic::WhyItExists,
        &[WRONG, RIGHT, WRONG],
        Evidence::Lab { slug: "read-users" },
    ),
    question(
        QuestionId::ExposedHeader,
        Topic::HeadersAndPreflight,
        &[WRONG, RIGHT, WRONG, WRONG],
        Evidence::Lab {
            slug: "exposed-header",
        },
    ),
    question(
        QuestionId::PreflightTrigger,
        Topic::HeadersAndPreflight,
        &[WRONG, RIGHT, WRONG],
        Evidence::Lab {
            slug: "preflight-passes",
        },
    ),
    question(
        QuestionId::PreflightFails,
        Topic::HeadersAndPreflight,
        &[RIGHT, WRONG, WRONG],
        Evidence::Lab {
            slug: "preflight-fails",
        },
    ),
    question(
        QuestionId::JsonPost,
        Topic::HeadersAndPreflight,
        &[WRONG, RIGHT, WRONG],
        Evidence::Lab {
            slug: "delete-post-json",
        },
    ),
    question(
        QuestionId::PreflightPasses,
        Topic::HeadersAndPreflight,
        &[WRONG, RIGHT, WRONG, WRONG],
        Evidence::Lab {
            slug: "preflight-passes",
        },
    ),
    question(
        QuestionId::CredentialsStar,
        Topic::HeadersAndPreflight,
        &[WRONG, RIGHT, WRONG],
        Evidence::Lab {
            slug: "credentials-star",
        },
    ),
    question(
        QuestionId::FixOnServer,
        Topic::Escapes,
        &[RIGHT, WRONG, WRONG],
        Evidence::Lab {
            slug: "exposed-header",
        },
    ),
    question(
        QuestionId::Proxy,
        Topic::Escapes,
        &[WRONG, RIGHT, WRONG],
        Evidence::Why { demo: "proxy" },
    ),
    question(
        QuestionId::Jsonp,
        Topic::Escapes,
        &[RIGHT, WRONG, WRONG, WRONG],
        Evidence::Why {
            demo: "load-vs-read",
        },
    ),
    question(
        QuestionId::NoCors,
        Topic::Escapes,
        &[WRONG, RIGHT, WRONG, WRONG],
        Evidence::Lab { slug: "no-cors" },
    ),
    question(
        QuestionId::OriginDefaultPort,
        Topic::EdgeCases,
        &[RIGHT, WRONG],
        Evidence::Origins {
            a: "https://example.com:443/",
            b: "https://example.com/",
        },
    ),
    question(
        QuestionId::OriginLocalhostIp,
        Topic::EdgeCases,
        &[WRONG, RIGHT],
        Evidence::Origins {
            a: "http://localhost:8081/",
            b: "http://127.0.0.1:8081/",
        },
    ),
    question(
        QuestionId::OriginIdn,
        Topic::EdgeCases,
        &[RIGHT, WRONG],
        Evidence::Origins {
            a: "https://bücher.example/",
            b: "https://xn--bcher-kva.example/api",
        },
    ),
    question(
        QuestionId::OriginDataUrl,
        Topic::EdgeCases,
        &[WRONG, RIGHT],
        Evidence::Origins {
            a: "data:text/html,hi",
            b: "data:text/html,hi",
        },
    ),
];

#[cfg(test)]
mod tests;
