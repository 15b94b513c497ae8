//! Demo 4: embedding is allowed, reading is not. An image from the API
//! origin shows, but once drawn on a canvas its pixels cannot be read back
//! (`SecurityError`, a tainted canvas). A script from the API origin runs,
//! but its source cannot be fetched (`TypeError`). Neither file has a CORS
//! header.

use cors_core::wire::{DemoConfig, Role};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement, HtmlScriptElement};

use super::card::{
    arg_view, js_error_text, new_case, with_case, DemoCard, DemoLog, Mark, OpenLog, Status,
};
use crate::demo::{self, FetchOutcome};
use crate::i18n::{t, Arg, Text};

/// The section id (`/why#load-vs-read`).
pub const ID: &str = "load-vs-read";

/// The card's title (also the contents list's).
pub fn title() -> Text {
    t!(why.load_vs_read.title)
}

const PIXEL: &str = "/pixel.png";
const WIDGET: &str = "/widget.js";
/// The global `/widget.js` sets to `true`.
const WIDGET_FLAG: &str = "corsLabWidgetLoaded";

/// The canvas run: whether the image was drawn, then what reading it gave:
/// a description of the pixels, or the error thrown.
#[derive(Clone)]
struct CanvasRun {
    drawn: bool,
    read: Result<Text, Arg>,
}

/// The script run: whether it ran (the global's value, or why it could not
/// load), and what fetching its source gave.
#[derive(Clone)]
struct ScriptRun {
    ran: Result<bool, Arg>,
    read: FetchOutcome,
}

#[component]
pub fn LoadVsReadDemo(config: DemoConfig) -> impl IntoView {
    // The image loads as soon as the card shows, so the run id (and the log)
    // starts at once.
    let this_case = new_case("load");
    let pixel_url = demo::tagged_url(&config, Role::Api, &with_case(PIXEL, &this_case));
    let widget_url = demo::tagged_url(&config, Role::Api, &with_case(WIDGET, &this_case));
    let api = demo::origin_url(&config, Role::Api);
    let case = Signal::stored(Some(this_case));

    let img_ref = NodeRef::<html::Img>::new();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let canvas_run = RwSignal::new(None::<CanvasRun>);
    let script_run = RwSignal::new(None::<ScriptRun>);
    let busy = RwSignal::new(false);
    let open_log = OpenLog::get();

    let read_pixels = move |_| {
        let (Some(img), Some(canvas)) = (img_ref.get(), canvas_ref.get()) else {
            return;
        };
        open_log.show(ID);
        busy.set(true);
        spawn_local(async move {
            canvas_run.set(Some(draw_and_read(img, canvas).await));
            busy.set(false);
        });
    };
    let run_script = {
        let widget_url = widget_url.clone();
        move |_| {
            let url = widget_url.clone();
            open_log.show(ID);
            busy.set(true);
            script_run.set(None);
            spawn_local(async move {
                let ran = load_script(&url).await;
                let read = demo::plain_fetch(&url).await;
                script_run.set(Some(ScriptRun { ran, read }));
                busy.set(false);
            });
        }
    };

    view! {
        <DemoCard id=ID number=4 title=title()>
            <p>{t!(why.load_vs_read.intro, api = api.clone())}</p>
            <div class="why-demo">
                <div class="why-main">
                    <h3>{t!(why.load_vs_read.image_title)}</h3>
                    <p>{t!(why.load_vs_read.image_text, url = format!("{api}{PIXEL}"))}</p>
                    <div class="why-pixels">
                        <figure>
                            <img node_ref=img_ref src=pixel_url class="why-pixel" width="64" height="64"
                                alt=move || t!(why.load_vs_read.image_alt).string() data-testid="why-img" />
                            <figcaption class="caption">{t!(why.load_vs_read.image_caption, tag = "<img>")}</figcaption>
                        </figure>
                        <figure>
                            <canvas node_ref=canvas_ref width="8" height="8" class="why-pixel"
                                aria-label=move || t!(why.load_vs_read.canvas_label).string() />
                            <figcaption class="caption">
                                {move || if canvas_run.with(|r| r.as_ref().is_some_and(|r| r.drawn)) {
                                    t!(why.load_vs_read.canvas_copied).into_any()
                                } else {
                                    t!(why.load_vs_read.canvas_empty).into_any()
                                }}
                            </figcaption>
                        </figure>
                    </div>
                    <button type="button" class="primary" on:click=read_pixels disabled=move || busy.get() data-testid="why-canvas-run">
                        {t!(why.load_vs_read.canvas_run)}
                    </button>
                    <Show when=move || canvas_run.with(Option::is_some)>
                        {move || canvas_run.get().map(|run| view! {
                            <p>
                                {if run.drawn {
                                    view! { <Status mark=Mark::Happened detail=t!(why.load_vs_read.drawn) /> }
                                } else {
                                    view! { <Status mark=Mark::Stopped detail=t!(why.load_vs_read.not_drawn) /> }
                                }}
                            </p>
                            <p>
                                {match &run.read {
                                    Err(_) => view! { <Status mark=Mark::Withheld detail=t!(why.load_vs_read.read_threw) /> },
                                    Ok(_) => view! { <Status mark=Mark::Happened detail=t!(why.load_vs_read.read_worked) /> },
                                }}
                            </p>
                            <pre class="js-result" data-testid="why-canvas-result">
                                {match run.read { Ok(text) => text.into_any(), Err(error) => arg_view(error) }}
                            </pre>
                        })}
                    </Show>

                    <h3>{t!(why.load_vs_read.script_title)}</h3>
                    <p>
                        {t!(why.load_vs_read.script_text,
                            tag = format!("<script src=\"{api}{WIDGET}\">"),
                            flag = format!("window.{WIDGET_FLAG} = true"))}
                    </p>
                    <button type="button" class="primary" on:click=run_script disabled=move || busy.get() data-testid="why-script-run">
                        {t!(why.load_vs_read.script_run)}
                    </button>
                    <Show when=move || script_run.with(Option::is_some)>
                        {move || script_run.get().map(|run| view! {
                            <p>
                                {match &run.ran {
                                    Ok(true) => view! { <Status mark=Mark::Happened detail=t!(why.load_vs_read.ran) /> },
                                    Ok(false) => view! { <Status mark=Mark::Stopped detail=t!(why.load_vs_read.no_flag) /> },
                                    Err(e) => view! { <Status mark=Mark::Stopped detail=t!(why.load_vs_read.not_loaded, error = e.clone()) /> },
                                }}
                                " "
                                {
                                    let ran = run.ran.clone().unwrap_or(false).to_string();
                                    t!(why.load_vs_read.flag_is,
                                        flag = format!("window.{WIDGET_FLAG}"),
                                        value = Arg::view(move || view! {
                                            <code data-testid="why-script-ran">{ran.clone()}</code>
                                        }))
                                }
                            </p>
                            <p>
                                {match &run.read {
                                    FetchOutcome::Rejected { .. } => view! { <Status mark=Mark::Withheld detail=t!(why.load_vs_read.fetch_failed) /> },
                                    FetchOutcome::Read { .. } => view! { <Status mark=Mark::Happened detail=t!(why.load_vs_read.fetch_worked) /> },
                                }}
                            </p>
                            <pre class="js-result" data-testid="why-script-read">
                                {match run.read {
                                    FetchOutcome::Rejected { error } => error,
                                    FetchOutcome::Read { body, .. } => body,
                                }}
                            </pre>
                        })}
                    </Show>
                </div>
                <DemoLog demo=ID case />
            </div>
            <p class="why-takeaway">{t!(why.load_vs_read.takeaway, img = "<img>")}</p>
        </DemoCard>
    }
}

/// Draw the (loaded) image on the canvas, then try to read the pixels back.
async fn draw_and_read(img: HtmlImageElement, canvas: HtmlCanvasElement) -> CanvasRun {
    let not_drawn = |why: Arg| CanvasRun {
        drawn: false,
        read: Err(why),
    };
    if let Err(e) = JsFuture::from(img.decode()).await {
        return not_drawn(t!(why.load_vs_read.image_failed, error = js_error_text(&e)).into());
    }
    let Some(context) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return not_drawn(t!(why.load_vs_read.no_context).into());
    };
    let (width, height) = (f64::from(canvas.width()), f64::from(canvas.height()));
    context.set_image_smoothing_enabled(false);
    if let Err(e) =
        context.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, width, height)
    {
        return not_drawn(js_error_text(&e).into());
    }
    let read = match context.get_image_data(0.0, 0.0, width, height) {
        Ok(data) => {
            let bytes = data.data();
            let count = bytes.len();
            Ok(match bytes.get(..3) {
                Some([r, g, b]) => t!(
                    why.load_vs_read.pixels_first,
                    count,
                    r = r.to_string(),
                    g = g.to_string(),
                    b = b.to_string()
                ),
                _ => t!(why.load_vs_read.pixels, count),
            })
        }
        Err(e) => Err(js_error_text(&e).into()),
    };
    CanvasRun { drawn: true, read }
}

/// Add `<script src=url>` to the page, wait until it ran (or failed), take it
/// out again, and say whether it set the widget's flag.
async fn load_script(url: &str) -> Result<bool, Arg> {
    let window = web_sys::window().ok_or_else(|| t!(why.error.no_window))?;
    let document = window.document().ok_or_else(|| t!(why.error.no_document))?;
    let body = document.body().ok_or_else(|| t!(why.error.no_body))?;
    let flag = wasm_bindgen::JsValue::from_str(WIDGET_FLAG);
    // Start from false, so `true` proves this run's script ran.
    js_sys::Reflect::set(&window, &flag, &false.into()).map_err(|e| js_error_text(&e))?;
    let script: HtmlScriptElement = document
        .create_element("script")
        .map_err(|e| js_error_text(&e))?
        .dyn_into()
        .map_err(|_| t!(why.error.not_script))?;
    script.set_src(url);
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    body.append_child(&script).map_err(|e| js_error_text(&e))?;
    let outcome = JsFuture::from(loaded).await;
    script.set_onload(None);
    script.set_onerror(None);
    script.remove();
    outcome.map_err(|_| t!(why.error.load_error))?;
    Ok(js_sys::Reflect::get(&window, &flag)
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false))
}
