//! Demo 5: a stylesheet and a web font from the API origin. The stylesheet
//! applies without any permission (a box on the page changes), but its
//! rules cannot be read through `cssRules` unless it was fetched with CORS.
//! The font is stricter: browsers fetch `@font-face` fonts in CORS mode, so
//! without `Access-Control-Allow-Origin` it does not load at all and the
//! text falls back; `FontFace.status` says which.

use cors_core::wire::{DemoConfig, Role};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CssStyleSheet, FontFace, FontFaceLoadStatus, HtmlElement, HtmlLinkElement};

use super::card::{js_error_text, new_case, with_case, DemoCard, DemoLog, Mark, OpenLog, Status};
use crate::demo;
use crate::i18n::{t, Arg, Text};

/// The section id (`/why#css-font`).
pub const ID: &str = "css-font";

/// The card's title (also the contents list's).
pub fn title() -> Text {
    t!(why.css_font.title)
}

const THEME: &str = "/theme.css";
const FONT: &str = "/lab-glyphs.ttf";
/// The font families the demo declares, without and with CORS.
const PLAIN_FAMILY: &str = "CORS Lab Glyphs plain";
const CORS_FAMILY: &str = "CORS Lab Glyphs allowed";
/// The text the font draws as shapes (its only glyphs).
const SAMPLE: &str = "CORS";

/// One way of loading the stylesheet: whether the box took its style, and
/// what reading its rules gave (their text, or the error).
#[derive(Clone)]
struct SheetRun {
    applied: Result<Text, Arg>,
    rules: Result<Text, Arg>,
}

/// One way of loading the font: `FontFace.status` after trying to load it,
/// and the error the load gave, if any.
#[derive(Clone)]
struct FontRun {
    status: String,
    error: Option<Arg>,
}

#[derive(Clone)]
struct Run {
    sheets: [SheetRun; 2],
    fonts: [FontRun; 2],
}

#[component]
pub fn CssFontDemo(config: DemoConfig) -> impl IntoView {
    let api = demo::origin_url(&config, Role::Api);
    let run = RwSignal::new(None::<Run>);
    let running = RwSignal::new(false);
    let case = RwSignal::new(None::<String>);
    let target = NodeRef::<html::Div>::new();
    let open_log = OpenLog::get();
    // The @font-face rules, written once a run has named its URLs.
    let font_css = RwSignal::new(String::new());

    let start = {
        let config = config.clone();
        move |_| {
            let Some(target) = target.get() else {
                return;
            };
            let this_case = new_case("cssfont");
            let url = |path: &str, cors: bool| {
                let path = with_case(path, &this_case);
                let path = if cors { format!("{path}&cors=1") } else { path };
                demo::tagged_url(&config, Role::Api, &path)
            };
            let sheet_urls = [url(THEME, false), url(THEME, true)];
            let font_urls = [url(FONT, false), url(FONT, true)];
            case.set(Some(this_case));
            open_log.show(ID);
            running.set(true);
            run.set(None);
            font_css.set(format!(
                "@font-face {{ font-family: \"{PLAIN_FAMILY}\"; src: url(\"{}\") format(\"truetype\"); }}\n\
                 @font-face {{ font-family: \"{CORS_FAMILY}\"; src: url(\"{}\") format(\"truetype\"); }}",
                font_urls[0], font_urls[1]
            ));
            spawn_local(async move {
                let target: HtmlElement = target.into();
                let plain = load_sheet(&sheet_urls[0], false, &target, true).await;
                let allowed = load_sheet(&sheet_urls[1], true, &target, false).await;
                let fonts = [load_font(PLAIN_FAMILY).await, load_font(CORS_FAMILY).await];
                run.set(Some(Run {
                    sheets: [plain, allowed],
                    fonts,
                }));
                running.set(false);
            });
        }
    };

    let sheet_row = move |i: usize, label: fn() -> AnyView, testid: &'static str| {
        move || {
            run.get().map(|r| {
                let sheet = r.sheets[i].clone();
                view! {
                    <tr data-testid=testid>
                        <th scope="row">{label()}</th>
                        <td data-testid=format!("{testid}-applied")>
                            {match sheet.applied {
                                Ok(style) => view! { <Status mark=Mark::Happened terse=true detail=t!(why.css_font.applied, style) /> }.into_any(),
                                Err(reason) => view! { <Status mark=Mark::Stopped terse=true detail=t!(why.css_font.not_applied, reason) /> }.into_any(),
                            }}
                        </td>
                        <td data-testid=format!("{testid}-rules")>
                            {match sheet.rules {
                                Ok(rules) => view! { <Status mark=Mark::Happened terse=true detail=t!(why.css_font.readable, rules) /> }.into_any(),
                                Err(error) => view! { <Status mark=Mark::Withheld terse=true detail=t!(why.css_font.refused, error) /> }.into_any(),
                            }}
                        </td>
                    </tr>
                }
            })
        }
    };
    let font_row = move |i: usize,
                         label: fn() -> Text,
                         family: &'static str,
                         testid: &'static str| {
        move || {
            run.get().map(|r| {
                let font = r.fonts[i].clone();
                let loaded = font.status == "loaded";
                view! {
                    <tr data-testid=testid data-status=font.status.clone()>
                        <th scope="row">{label()}</th>
                        <td>
                            <span class="why-font-sample" style=format!("font-family: \"{family}\", monospace")>
                                {SAMPLE}
                            </span>
                        </td>
                        <td data-testid=format!("{testid}-status")>
                            {if loaded {
                                view! { <Status mark=Mark::Happened terse=true detail=t!(why.css_font.font_loaded) /> }.into_any()
                            } else {
                                let status = font.status.clone();
                                let detail = match font.error {
                                    Some(error) => t!(why.css_font.fell_back_error, status, error),
                                    None => t!(why.css_font.fell_back, status),
                                };
                                view! { <Status mark=Mark::Withheld terse=true detail /> }.into_any()
                            }}
                        </td>
                    </tr>
                }
            })
        }
    };

    view! {
        <DemoCard id=ID number=5 title=title()>
            <style>{move || font_css.get()}</style>
            <p>{t!(why.css_font.intro, link = "<link crossorigin>", api = api.clone())}</p>
            <div class="why-demo">
                <div class="why-main">
                    <div node_ref=target class="why-css-target" data-testid="why-css-target">
                        {t!(why.css_font.target_box)}
                    </div>
                    <button type="button" class="primary" on:click=start disabled=move || running.get() data-testid="why-css-run">
                        {move || if running.get() {
                            t!(why.css_font.running).into_any()
                        } else {
                            t!(why.css_font.run).into_any()
                        }}
                    </button>
                    <Show when=move || run.with(Option::is_some)>
                        <table class="why-table">
                            <caption>{t!(why.css_font.sheet_caption, url = format!("{api}{THEME}"))}</caption>
                            <thead><tr>
                                <th scope="col">{t!(why.css_font.loaded_by)}</th>
                                <th scope="col">{t!(why.css_font.applied_q)}</th>
                                <th scope="col">{t!(why.css_font.rules_q)}</th>
                            </tr></thead>
                            <tbody>
                                {sheet_row(0, || t!(why.css_font.sheet_plain, link = "<link>").into_any(), "why-css-plain")}
                                // All code: the same in every language.
                                {sheet_row(1, || view! { <code>"<link crossorigin>"</code>", "<code>"?cors=1"</code> }.into_any(), "why-css-cors")}
                            </tbody>
                        </table>
                        <table class="why-table">
                            <caption>{t!(why.css_font.font_caption, url = format!("{api}{FONT}"))}</caption>
                            <thead><tr>
                                <th scope="col">{t!(why.css_font.served)}</th>
                                <th scope="col">{t!(why.css_font.sample_q)}</th>
                                <th scope="col"><code>"FontFace.status"</code></th>
                            </tr></thead>
                            <tbody>
                                {font_row(0, || t!(why.css_font.font_plain), PLAIN_FAMILY, "why-font-plain")}
                                {font_row(1, || t!(why.css_font.font_cors), CORS_FAMILY, "why-font-cors")}
                            </tbody>
                        </table>
                    </Show>
                </div>
                <DemoLog demo=ID case />
            </div>
            <p class="why-takeaway">{t!(why.css_font.takeaway)}</p>
        </DemoCard>
    }
}

/// Add `<link rel=stylesheet href=url>` (with `crossorigin` when `cors`),
/// wait for it, then say whether `target` took its style and what reading
/// its rules gave. With `remove`, take the link out again afterwards.
async fn load_sheet(url: &str, cors: bool, target: &HtmlElement, remove: bool) -> SheetRun {
    let not_loaded = |why: Arg| SheetRun {
        applied: Err(why.clone()),
        rules: Err(why),
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return not_loaded(t!(why.error.no_document).into());
    };
    let Some(head) = document.head() else {
        return not_loaded(t!(why.error.no_head).into());
    };
    let link: HtmlLinkElement = match document
        .create_element("link")
        .map_err(|e| Arg::from(js_error_text(&e)))
        .and_then(|e| e.dyn_into().map_err(|_| t!(why.error.not_link).into()))
    {
        Ok(link) => link,
        Err(why) => return not_loaded(why),
    };
    link.set_rel("stylesheet");
    if cors {
        link.set_cross_origin(Some("anonymous"));
    }
    link.set_href(url);
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        link.set_onload(Some(&resolve));
        link.set_onerror(Some(&reject));
    });
    if let Err(e) = head.append_child(&link) {
        return not_loaded(js_error_text(&e).into());
    }
    let outcome = JsFuture::from(loaded).await;
    link.set_onload(None);
    link.set_onerror(None);
    let run = match outcome {
        Err(_) => not_loaded(t!(why.error.load_error).into()),
        Ok(_) => SheetRun {
            applied: border_of(target),
            rules: read_rules(&link),
        },
    };
    if remove {
        link.remove();
    }
    run
}

/// The box's border as computed now, if the stylesheet set it.
fn border_of(target: &HtmlElement) -> Result<Text, Arg> {
    let style = web_sys::window()
        .ok_or_else(|| t!(why.error.no_window))?
        .get_computed_style(target)
        .map_err(|e| js_error_text(&e))?
        .ok_or_else(|| t!(why.error.no_computed_style))?;
    let kind = style
        .get_property_value("border-top-style")
        .map_err(|e| js_error_text(&e))?;
    let width = style
        .get_property_value("border-top-width")
        .map_err(|e| js_error_text(&e))?;
    if kind == "dashed" {
        Ok(t!(why.css_font.border_now, width, kind))
    } else {
        Err(t!(why.css_font.border_is, kind).into())
    }
}

/// `link.sheet.cssRules`: the rules' text, or the error thrown (or, where a
/// browser answers `null` instead of throwing, that).
fn read_rules(link: &HtmlLinkElement) -> Result<Text, Arg> {
    let sheet = link
        .sheet()
        .ok_or_else(|| t!(why.error.no_sheet))?
        .dyn_into::<CssStyleSheet>()
        .map_err(|_| t!(why.error.not_css))?;
    let rules = sheet.css_rules().map_err(|e| js_error_text(&e))?;
    let texts: Vec<String> = (0..rules.length())
        .filter_map(|i| rules.item(i))
        .map(|rule| rule.css_text())
        .collect();
    Ok(t!(
        why.css_font.rules,
        count = texts.len(),
        rules = texts.join(" ")
    ))
}

/// Find the `@font-face` of `family` in `document.fonts`, load it, and say
/// how it ended.
async fn load_font(family: &str) -> FontRun {
    let failed = |why: Text| FontRun {
        status: "not found".to_owned(),
        error: Some(why.into()),
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return failed(t!(why.error.no_document));
    };
    let faces = match js_sys::try_iter(&document.fonts()) {
        Ok(Some(faces)) => faces,
        _ => return failed(t!(why.error.fonts_unlisted)),
    };
    let wanted = format!("\"{family}\"");
    let face = faces
        .flatten()
        .filter_map(|f| f.dyn_into::<FontFace>().ok())
        .find(|f| f.family() == family || f.family() == wanted);
    let Some(face) = face else {
        return failed(t!(why.error.no_font_face, family));
    };
    let error = match face.load() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .err()
            .map(|e| js_error_text(&e).into()),
        Err(e) => Some(js_error_text(&e).into()),
    };
    FontRun {
        status: status_word(face.status()),
        error,
    }
}

fn status_word(status: FontFaceLoadStatus) -> String {
    match status {
        FontFaceLoadStatus::Unloaded => "unloaded",
        FontFaceLoadStatus::Loading => "loading",
        FontFaceLoadStatus::Loaded => "loaded",
        FontFaceLoadStatus::Error => "error",
        _ => "unknown",
    }
    .to_owned()
}
