//! One URL compared with a list of others, as a table.

use cors_core::compare::{compare, origin_verdict};
use cors_core::url_parts::{parse_url, UrlError, UrlParts};
use leptos::prelude::*;

use crate::suffix_list::{use_suffix_list, ListState, WithList};

/// A row per non-empty line of `list`, each compared with `base`. The site
/// and cookie columns fill in when the Public Suffix List has arrived.
#[component]
pub fn OriginTable(
    /// The URL every row is compared with (URL A).
    #[prop(into)]
    base: Signal<Result<UrlParts, UrlError>>,
    /// One URL per line.
    #[prop(into)]
    list: Signal<String>,
) -> impl IntoView {
    let suffixes = use_suffix_list();
    let rows = move || {
        let base = base.get();
        let suffixes = suffixes.get();
        list.get()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(50)
            .map(|line| row(&base, line, &suffixes))
            .collect_view()
    };
    view! {
        <div class="table-scroll">
            <table class="origin-table" data-testid="origin-table">
                <thead>
                    <tr>
                        <th scope="col">"URL"</th>
                        <th scope="col">"Its origin"</th>
                        <th scope="col">"Origin"</th>
                        <th scope="col">"Why"</th>
                        <th scope="col">"Site"</th>
                        <th scope="col">"Cookie from A"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn row(base: &Result<UrlParts, UrlError>, line: &str, suffixes: &ListState) -> impl IntoView {
    let other = parse_url(line);
    let cells = match (base, &other) {
        (Ok(a), Ok(b)) => {
            let origin = origin_verdict(a, b);
            let (origin_word, origin_class) = if origin.same_origin {
                ("✓ same-origin", "good")
            } else {
                ("✗ cross-origin", "bad")
            };
            let (site_word, cookie_word) = match suffixes.map(|l| compare(a, b, l)) {
                WithList::Ready(c) => (
                    if c.site.same_site { "same-site" } else { "cross-site" },
                    if c.cookie_a_to_b.sent { "sent" } else { "not sent" },
                ),
                WithList::Loading => ("loading…", "loading…"),
                WithList::Failed(_) => ("unavailable", "unavailable"),
            };
            view! {
                <td><code>{b.serialized_origin.clone()}</code></td>
                <td class=origin_class data-testid="origin-table-verdict">{origin_word}</td>
                <td>{origin.reason}</td>
                <td data-testid="origin-table-site">{site_word}</td>
                <td>{cookie_word}</td>
            }
            .into_any()
        }
        (_, Err(e)) => view! {
            <td colspan="5" class="invalid" data-testid="origin-table-verdict">"invalid: "{e.message.clone()}</td>
        }
        .into_any(),
        (Err(_), Ok(b)) => view! {
            <td><code>{b.serialized_origin.clone()}</code></td>
            <td colspan="4" class="invalid" data-testid="origin-table-verdict">"URL A is invalid"</td>
        }
        .into_any(),
    };
    view! {
        <tr data-testid="origin-table-row">
            <th scope="row"><code class="url">{line.to_owned()}</code></th>
            {cells}
        </tr>
    }
}
