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

    /// The methods a fixed route answers with 200, and the status it gives
    /// any other (a preflight's `OPTIONS` included); `None` for `/cors`.
    pub fn fixed_methods(self) -> Option<(&'static [&'static str], u16)> {
        match self {
            Endpoint::Cors => None,
            Endpoint::DeletePost => Some((&["POST"], 405)),
            Endpoint::UsersJson | Endpoint::Page => Some((&["GET", "HEAD"], 404)),
        }
    }

    /// How a fixed route answers `method` (and its preflight, `OPTIONS`):
    /// no CORS header ever, and the status the demo server's router gives —
    /// `/deletePost` takes only POST (405 for anything else, the preflight
    /// included), `/users.json` and the intranet's `/` only GET and HEAD
    /// (404 otherwise). The demo server's tests hold its routes to this.
    /// `/cors` answers as its scenario says (`None`).
    pub fn fixed_server(self, method: &str) -> Option<ServerSpec> {
        let (allowed, refused) = self.fixed_methods()?;
        let status = |m: &str| {
            if allowed.contains(&m.to_ascii_uppercase().as_str()) {
                200
            } else {
                refused
            }
        };
        Some(ServerSpec {
            preflight: Answer {
                status: status("OPTIONS"),
                ..Answer::default()
            },
            actual: Answer {
                status: status(method),
                ..Answer::default()
            },
        })
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
    /// Its name in addresses (`/lab?s=<slug>`); the lab's words name and
    /// sum it up by it (`locales/*/lab.json`, `named.<slug>`).
    pub slug: &'static str,
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
            endpoint: Endpoint::UsersJson,
            request: get(Target::Api),
            server: ServerSpec::default(),
        },
        Named {
            slug: "delete-post",
            endpoint: Endpoint::DeletePost,
            request: RequestSpec {
                method: "POST".into(),
                headers: vec![(
                    "Content-Type".into(),
                    "application/x-www-form-urlencoded".into(),
                )],
                body: Some("id=13".into()),
                ..get(Target::Api)
            },
            server: ServerSpec::default(),
        },
        Named {
            slug: "delete-post-json",
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
            endpoint: Endpoint::UsersJson,
            request: RequestSpec {
                mode: Mode::NoCors,
                ..get(Target::Api)
            },
            server: ServerSpec::default(),
        },
        Named {
            slug: "exposed-header",
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

    /// `/deletePost` answers its preflight 405 (it takes only POST): every
    /// engine's prediction carries that status where the engine prints one
    /// (Firefox ESR 153 and Safari print it; Chrome names the missing header).
    #[test]
    fn the_json_post_s_preflight_is_answered_405() {
        use crate::browser::Engine;
        use crate::engine::{predict_in, Env};
        let n = by_slug("delete-post-json").expect("experiment");
        let scenario = crate::scenario::Scenario {
            id: "t".to_owned(),
            server: n.endpoint.fixed_server(&n.request.method).expect("fixed"),
            request: n.request,
            repeat: 1,
        };
        let env = Env::demo_defaults(false);
        let line = |engine| {
            predict_in(engine, &scenario, &env)
                .remove(0)
                .console
                .join("\n")
        };
        assert!(
            line(Engine::Gecko).contains("missing). Status code: 405."),
            "{}",
            line(Engine::Gecko)
        );
        assert!(
            line(Engine::WebKit)
                .starts_with("Preflight response is not successful. Status code: 405"),
            "{}",
            line(Engine::WebKit)
        );
        assert!(line(Engine::Chromium).contains("Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin'"));
        let p = predict_in(Engine::Chromium, &scenario, &env).remove(0);
        assert_eq!(p.sent[0].status, 405);
    }

    #[test]
    fn endpoint_words_round_trip() {
        for e in Endpoint::ALL {
            assert_eq!(Endpoint::parse(e.word()), Some(e));
        }
    }
}
