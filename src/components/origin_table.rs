//! One URL compared with a list of others, as a table.

use cors_core::compare::{compare, origin_verdict};
use cors_core::url_parts::{parse_url, UrlError, UrlParts};
use leptos::prelude::*;

use crate::i18n::t;

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
                        <th scope="col">{t!(origin.table.its_origin)}</th>
                        <th scope="col">{t!(origin.origin)}</th>
                        <th scope="col">{t!(origin.table.why)}</th>
                        <th scope="col">{t!(origin.site)}</th>
                        <th scope="col">{t!(origin.table.cookie)}</th>
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
                (format!("✓ {}", t!(origin.word.same_origin).string()), "good")
            } else {
                (format!("✗ {}", t!(origin.word.cross_origin).string()), "bad")
            };
            let (site_word, cookie_word) = match suffixes.map(|l| compare(a, b, l)) {
                WithList::Ready(c) => (
                    if c.site.same_site { t!(origin.word.same_site) } else { t!(origin.word.cross_site) },
                    if c.cookie_a_to_b.sent { t!(origin.word.sent) } else { t!(origin.word.not_sent) },
                ),
                WithList::Loading => (t!(origin.word.loading), t!(origin.word.loading)),
                WithList::Failed(_) => (t!(origin.word.unavailable), t!(origin.word.unavailable)),
            };
            view! {
                <td><code>{b.serialized_origin.clone()}</code></td>
                <td class=origin_class data-testid="origin-table-verdict">{origin_word}</td>
                <td>{crate::words::origin::reason(&origin.reason)}</td>
                <td data-testid="origin-table-site">{site_word}</td>
                <td>{cookie_word}</td>
            }
            .into_any()
        }
        (_, Err(e)) => view! {
            <td colspan="5" class="invalid" data-testid="origin-table-verdict">{t!(origin.table.invalid, error = crate::words::url::error(&e.kind))}</td>
        }
        .into_any(),
        (Err(_), Ok(b)) => view! {
            <td><code>{b.serialized_origin.clone()}</code></td>
            <td colspan="4" class="invalid" data-testid="origin-table-verdict">{t!(origin.table.a_invalid)}</td>
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
