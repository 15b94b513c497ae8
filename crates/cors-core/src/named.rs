//! Ready-made lab experiments with names, for the lab's picker, the quiz's
//! "Run it" buttons and deep links (`/lab?s=<slug>`).

use crate::scenario::{Acao, Answer, Credentials, Mode, RequestSpec, ServerSpec, Target};

/// Which route of the demo origin the lab calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Endpoint {
    /// `/cors`: answers however the server half of the scenario says.
    #[default]
    Cors,
    /// `/users.json`: fixed answer without any CORS header.
    UsersJson,
    /// `/deletePost`: deletes a post (a real side effect), no CORS header.
    DeletePost,
    /// `/`: the intranet's confidential page, no CORS header.
    Page,
}

impl Endpoint {
    pub const ALL: [Endpoint; 4] = [
        Endpoint::Cors,
        Endpoint::UsersJson,
        Endpoint::DeletePost,
        Endpoint::Page,
    ];

    pub fn path(self) -> &'static str {
        match self {
            Endpoint::Cors => crate::scenario::CORS_PATH,
            Endpoint::UsersJson => "/users.json",
            Endpoint::DeletePost => "/deletePost",
            Endpoint::Page => "/",
        }
    }

    /// Only `/cors` takes its answer from the scenario; the others always
    /// answer without CORS headers (the default [`ServerSpec`]).
    pub fn configurable(self) -> bool {
        self == Endpoint::Cors
    }

    pub fn word(self) -> &'static str {
        match self {
            Endpoint::Cors => "cors",
            Endpoint::UsersJson => "users",
            Endpoint::DeletePost => "delete-post",
            Endpoint::Page => "page",
        }
    }

    pub fn parse(word: &str) -> Option<Endpoint> {
        Endpoint::ALL.into_iter().find(|e| e.word() == word)
    }
}

/// A named experiment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub slug: &'static str,
    pub title: &'static str,
    /// One sentence: what the learner will see.
    pub summary: &'static str,
    pub endpoint: Endpoint,
    pub request: RequestSpec,
    pub server: ServerSpec,
}

fn get(target: Target) -> RequestSpec {
    RequestSpec {
        target,
        ..RequestSpec::default()
    }
}

/// Every named experiment, in teaching order.
pub fn all() -> Vec<Named> {
    let echo = |a: Answer| Answer {
        acao: Acao::Echo,
        ..a
    };
    vec![
        Named {
            slug: "read-users",
            title: "Read JSON from another origin",
            summary: "The API answers without CORS headers: the request arrives, the answer is withheld.",
            endpoint: Endpoint::UsersJson,
            request: get(Target::Api),
            server: ServerSpec::default(),
        },
        Named {
            slug: "delete-post",
            title: "A blocked POST still deletes",
            summary: "A simple form POST reaches the server and deletes post 13, although JavaScript only sees an error.",
            endpoint: Endpoint::DeletePost,
            request: RequestSpec {
                method: "POST".into(),
                headers: vec![("Content-Type".into(), "application/x-www-form-urlencoded".into())],
                body: Some("id=13".into()),
                ..get(Target::Api)
            },
            server: ServerSpec::default(),
        },
        Named {
            slug: "delete-post-json",
            title: "A JSON POST is preflighted",
            summary: "With Content-Type application/json the browser asks first; the preflight fails, so nothing is deleted.",
            endpoint: Endpoint::DeletePost,
            request: RequestSpec {
                method: "POST".into(),
                headers: vec![("Content-Type".into(), "application/json".into())],
                body: Some(r#"{"id":13}"#.into()),
                ..get(Target::Api)
            },
            server: ServerSpec::default(),
        },
        Named {
            slug: "preflight-fails",
            title: "Preflight fails: the PUT never leaves",
            summary: "A custom header needs permission first; the server does not grant it, so the actual request is never sent.",
            endpoint: Endpoint::Cors,
            request: RequestSpec {
                method: "PUT".into(),
                headers: vec![("X-Custom".into(), "1".into())],
                ..get(Target::Api)
            },
            server: ServerSpec {
                preflight: Answer::default(),
                actual: echo(Answer::default()),
            },
        },
        Named {
            slug: "preflight-passes",
            title: "Preflight passes",
            summary: "The server allows the method and header in its preflight answer; the PUT follows and is readable.",
            endpoint: Endpoint::Cors,
            request: RequestSpec {
                method: "PUT".into(),
                headers: vec![("X-Custom".into(), "1".into())],
                ..get(Target::Api)
            },
            server: ServerSpec {
                preflight: echo(Answer {
                    status: 204,
                    acam: Some("PUT".into()),
                    acah: Some("x-custom".into()),
                    max_age: Some("0".into()),
                    ..Answer::default()
                }),
                actual: echo(Answer::default()),
            },
        },
        Named {
            slug: "credentials-star",
            title: "Credentials with a wildcard",
            summary: "With credentials: 'include', Access-Control-Allow-Origin: * is not enough.",
            endpoint: Endpoint::Cors,
            request: RequestSpec {
                credentials: Credentials::Include,
                ..get(Target::Api)
            },
            server: ServerSpec {
                preflight: Answer::default(),
                actual: Answer {
                    acao: Acao::Star,
                    acac: Some("true".into()),
                    ..Answer::default()
                },
            },
        },
        Named {
            slug: "credentials-echo",
            title: "Credentials done right",
            summary: "The server names this origin and allows credentials: the cookie goes along and the answer is readable.",
            endpoint: Endpoint::Cors,
            request: RequestSpec {
                credentials: Credentials::Include,
                ..get(Target::Api)
            },
            server: ServerSpec {
                preflight: Answer::default(),
                actual: echo(Answer {
                    acac: Some("true".into()),
                    ..Answer::default()
                }),
            },
        },
        Named {
            slug: "no-cors",
            title: "no-cors gives an opaque box",
            summary: "mode: 'no-cors' makes the error go away, and the body with it: status 0, nothing to read.",
            endpoint: Endpoint::UsersJson,
            request: RequestSpec {
                mode: Mode::NoCors,
                ..get(Target::Api)
            },
            server: ServerSpec::default(),
        },
        Named {
            slug: "exposed-header",
            title: "Success, with an exposed header",
            summary: "The server allows this origin and exposes X-Secret: JavaScript reads the body and that header.",
            endpoint: Endpoint::Cors,
            request: get(Target::Api),
            server: ServerSpec {
                preflight: Answer::default(),
                actual: echo(Answer {
                    aceh: Some("X-Secret".into()),
                    extra_headers: vec![
                        ("X-Secret".into(), "42".into()),
                        ("X-Hidden".into(), "7".into()),
                    ],
                    ..Answer::default()
                }),
            },
        },
        Named {
            slug: "intranet",
            title: "Read the intranet",
            summary: "Another origin on your network answers too, but its page stays out of reach of this page's scripts.",
            endpoint: Endpoint::Page,
            request: get(Target::Intranet),
            server: ServerSpec::default(),
        },
    ]
}

/// The named experiment with this slug.
pub fn by_slug(slug: &str) -> Option<Named> {
    all().into_iter().find(|n| n.slug == slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_and_found() {
        let all = all();
        for n in &all {
            assert_eq!(by_slug(n.slug).as_ref(), Some(n));
            assert_eq!(all.iter().filter(|m| m.slug == n.slug).count(), 1);
        }
    }

    #[test]
    fn fixed_endpoints_use_the_default_answer() {
        for n in all().iter().filter(|n| !n.endpoint.configurable()) {
            assert_eq!(n.server, ServerSpec::default(), "{}", n.slug);
        }
    }

    #[test]
    fn endpoint_words_round_trip() {
        for e in Endpoint::ALL {
            assert_eq!(Endpoint::parse(e.word()), Some(e));
        }
    }
}
