//! The lab's "other site" (the API origin under another host): where it is
//! for this page, or why an experiment needing it cannot run here.

use cors_core::lab_link::LabState;
use cors_core::scenario::{ServerSpec, Target};
use cors_core::wire::DemoConfig;
use leptos::prelude::*;

use crate::demo;
use crate::i18n::t;

/// Whether the experiment sends a request to the API under its other host
/// (the request itself, or a redirect at any depth).
pub fn needs_other_site(state: &LabState) -> bool {
    fn in_spec(spec: &ServerSpec) -> bool {
        [&spec.preflight, &spec.actual].into_iter().any(|answer| {
            answer
                .redirect
                .as_ref()
                .is_some_and(|r| r.to == Target::ApiAlt || in_spec(&r.then))
        })
    }
    state.request.target == Target::ApiAlt
        || (state.endpoint.configurable() && in_spec(&state.server))
}

/// Where "the API on another site" is for this page, when the experiment
/// goes there; or why it cannot run here.
#[component]
pub fn OtherSiteNote(config: DemoConfig, state: RwSignal<LabState>) -> impl IntoView {
    // The page's host when there is no other site (the learner's words say why).
    let missing = config.alt_host.is_none().then(demo::page_host);
    let other = config
        .alt_host
        .as_ref()
        .map(|host| format!("http://{host}:{}", config.api_port));
    move || {
        if !state.with(needs_other_site) {
            return None;
        }
        Some(match (&missing, &other) {
            (Some(host), _) => view! {
                <p class="card warning" role="alert" data-testid="lab-other-site-missing">
                    {t!(lab.other_site.missing, host = host.clone())}
                </p>
            }
            .into_any(),
            (None, Some(other)) => view! {
                <p class="card hint" data-testid="lab-other-site">
                    {t!(lab.other_site.here, origin = other.clone())}
                </p>
            }
            .into_any(),
            (None, None) => ().into_any(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cors_core::lab_link::LabState;

    #[test]
    fn needs_other_site_cases() {
        // (lab query, needs the other site)
        let cases = [
            ("", false),
            ("target=api-alt", true),
            ("target=intranet", false),
            ("a.r.status=302&a.r.to=api-alt", true),
            ("p.r.status=307&p.r.to=api-alt", true),
            (
                "a.r.status=302&a.r.to=api&a.r.then.a.r.status=302&a.r.then.a.r.to=api-alt",
                true,
            ),
            ("a.r.status=302&a.r.to=intranet", false),
        ];
        for (query, expected) in cases {
            let pairs: Vec<(&str, &str)> = query
                .split('&')
                .filter(|p| !p.is_empty())
                .filter_map(|p| p.split_once('='))
                .collect();
            let state = LabState::from_query(&pairs).unwrap_or_else(|e| panic!("{query}: {e:?}"));
            assert_eq!(needs_other_site(&state), expected, "{query}");
        }
    }
}
