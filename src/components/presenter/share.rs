//! The link the class opens, large, with a copy button: this page, its
//! experiment and step, without the instructor's parameters.

use leptos::prelude::*;

use crate::i18n::t;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::presenter::Presenter;

#[component]
pub fn ShareLink() -> impl IntoView {
    let presenter = Presenter::get()?;
    let url = Memo::new(move |_| presenter.share_url());
    let copied = RwSignal::new(None::<Result<(), CopyError>>);
    // A new link has not been copied yet.
    Effect::new(move |_| {
        url.track();
        copied.set(None);
    });
    let copy = move |_| {
        let text = url.get_untracked();
        spawn_local(async move {
            let outcome = copy_text(&text).await;
            copied.set(Some(outcome));
        });
    };
    Some(view! {
        <section class="share" aria-labelledby="share-title">
            <div class="share-head">
                <h2 id="share-title">{t!(common.present.share_title)}</h2>
                <button type="button" class="small" data-testid="present-share-copy" on:click=copy>{t!(common.present.copy)}</button>
                <span role="status" data-testid="present-share-copied">
                    {move || match copied.get() {
                        None => String::new(),
                        Some(Ok(())) => t!(common.present.copied).string(),
                        Some(Err(CopyError::ByHand)) => format!("✗ {}", t!(common.present.copy_by_hand).string()),
                        Some(Err(CopyError::Refused(error))) => format!("✗ {}", t!(common.present.copy_refused, error).string()),
                    }}
                </span>
            </div>
            <p class="share-url"><code data-testid="present-share-url">{move || url.get()}</code></p>
        </section>
    })
}

/// Why the link is not on the clipboard.
#[derive(Clone, Debug, PartialEq, Eq)]
enum CopyError {
    /// No Clipboard API here (it exists only in secure contexts: https,
    /// localhost): the learner copies by hand.
    ByHand,
    /// The browser refused: its error, as it said it.
    Refused(String),
}

/// Put `text` on the clipboard.
async fn copy_text(text: &str) -> Result<(), CopyError> {
    let navigator = web_sys::window().ok_or(CopyError::ByHand)?.navigator();
    let clipboard =
        js_sys::Reflect::get(&navigator, &"clipboard".into()).map_err(|_| CopyError::ByHand)?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err(CopyError::ByHand);
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .map(|_| ())
        .map_err(|e| CopyError::Refused(crate::demo::js_error_text(&e)))
}
