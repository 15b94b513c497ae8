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

use super::card::{js_error_text, new_case, with_case, DemoCard, DemoLog, Mark, OpenLog, Status};
use crate::demo::{self, FetchOutcome};

/// The section id (`/why#load-vs-read`).
pub const ID: &str = "load-vs-read";
pub const TITLE: &str = "Showing and running are allowed; reading is not";

const PIXEL: &str = "/pixel.png";
const WIDGET: &str = "/widget.js";
/// The global `/widget.js` sets to `true`.
const WIDGET_FLAG: &str = "corsLabWidgetLoaded";

/// The canvas run: whether the image was drawn, then what reading it gave:
/// a description of the pixels, or the error thrown.
#[derive(Clone, Debug)]
struct CanvasRun {
    drawn: bool,
    read: Result<String, String>,
}

/// The script run: whether it ran (the global's value, or why it could not
/// load), and what fetching its source gave.
#[derive(Clone, Debug)]
struct ScriptRun {
    ran: Result<bool, String>,
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
        <DemoCard id=ID number=4 title=TITLE>
            <p>
                "Pages have embedded other sites' images, scripts, styles and fonts since long before "
                <code>"fetch"</code>" existed, and the policy leaves that alone. It is safe because "
                "embedding gives the page the "<em>"effect"</em>" of a file, not its "<em>"bytes"</em>": "
                "the browser paints the picture but the page cannot inspect its pixels; the browser "
                "runs the script but the page cannot read its source. Both files below come from "
                <code>{api.clone()}</code>" without any CORS header."
            </p>
            <div class="why-demo">
                <div class="why-main">
                    <h3>"An image"</h3>
                    <p>"This page shows "<code>{format!("{api}{PIXEL}")}</code>". The button copies it onto a canvas — allowed — and then asks the canvas for its pixels."</p>
                    <div class="why-pixels">
                        <figure>
                            <img node_ref=img_ref src=pixel_url class="why-pixel" width="64" height="64"
                                alt="A blue and orange checkerboard served by the API origin" data-testid="why-img" />
                            <figcaption class="caption">"shown by an "<code>"<img>"</code>" tag"</figcaption>
                        </figure>
                        <figure>
                            <canvas node_ref=canvas_ref width="8" height="8" class="why-pixel"
                                aria-label="A canvas the image is copied onto" />
                            <figcaption class="caption">
                                {move || if canvas_run.with(|r| r.as_ref().is_some_and(|r| r.drawn)) {
                                    "copied onto a canvas"
                                } else {
                                    "a canvas, empty until you press the button"
                                }}
                            </figcaption>
                        </figure>
                    </div>
                    <button type="button" class="primary" on:click=read_pixels disabled=move || busy.get() data-testid="why-canvas-run">
                        "Draw it on the canvas and read the pixels"
                    </button>
                    <Show when=move || canvas_run.with(Option::is_some)>
                        {move || canvas_run.get().map(|run| view! {
                            <p>
                                {if run.drawn {
                                    view! { <Status mark=Mark::Happened detail="Drawing the image on the canvas worked: you can see the copy." /> }
                                } else {
                                    view! { <Status mark=Mark::Stopped detail="The image could not be drawn." /> }
                                }}
                            </p>
                            <p>
                                {match &run.read {
                                    Err(_) => view! { <Status mark=Mark::Withheld detail="Reading its pixels with getImageData() threw:" /> },
                                    Ok(_) => view! { <Status mark=Mark::Happened detail="Reading its pixels worked:" /> },
                                }}
                            </p>
                            <pre class="js-result" data-testid="why-canvas-result">
                                {match run.read { Ok(text) | Err(text) => text }}
                            </pre>
                        })}
                    </Show>

                    <h3>"A script"</h3>
                    <p>
                        "The button adds "<code>{format!("<script src=\"{api}{WIDGET}\">")}</code>" to this page. "
                        "The file sets "<code>{format!("window.{WIDGET_FLAG} = true")}</code>". Then the page "
                        <code>"fetch"</code>"es the very same file to read its text."
                    </p>
                    <button type="button" class="primary" on:click=run_script disabled=move || busy.get() data-testid="why-script-run">
                        "Include the script, then fetch it"
                    </button>
                    <Show when=move || script_run.with(Option::is_some)>
                        {move || script_run.get().map(|run| view! {
                            <p>
                                {match &run.ran {
                                    Ok(true) => view! { <Status mark=Mark::Happened detail="The script ran in this page:" /> },
                                    Ok(false) => view! { <Status mark=Mark::Stopped detail="The script loaded but did not set the flag:" /> },
                                    Err(e) => view! { <Status mark=Mark::Stopped detail=format!("The script did not load ({e}):") /> },
                                }}
                                " "<code>{format!("window.{WIDGET_FLAG}")}</code>" is "
                                <code data-testid="why-script-ran">{run.ran.clone().unwrap_or(false).to_string()}</code>
                            </p>
                            <p>
                                {match &run.read {
                                    FetchOutcome::Rejected { .. } => view! { <Status mark=Mark::Withheld detail="Fetching its source to read it failed:" /> },
                                    FetchOutcome::Read { .. } => view! { <Status mark=Mark::Happened detail="Fetching its source worked:" /> },
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
            <p class="why-takeaway">
                "Every request reached the API server (see the log); what differs is what the page "
                "gets to hold. Had the server sent CORS headers and the "<code>"<img>"</code>" asked "
                "for them ("<code>"crossorigin"</code>"), the canvas would have stayed readable. Two "
                "cautions follow from this. Including someone's script hands it the full power of "
                "your page, so include only code you trust. And data must never be served as "
                "JavaScript that does something visible when run: that is how JSONP shared data on "
                "purpose, and how old JSON-hijacking attacks leaked it by accident."
            </p>
        </DemoCard>
    }
}

/// Draw the (loaded) image on the canvas, then try to read the pixels back.
async fn draw_and_read(img: HtmlImageElement, canvas: HtmlCanvasElement) -> CanvasRun {
    let not_drawn = |why: String| CanvasRun {
        drawn: false,
        read: Err(why),
    };
    if let Err(e) = JsFuture::from(img.decode()).await {
        return not_drawn(format!("The image did not load: {}", js_error_text(&e)));
    }
    let Some(context) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return not_drawn("This browser gave no 2D canvas context.".to_owned());
    };
    let (width, height) = (f64::from(canvas.width()), f64::from(canvas.height()));
    context.set_image_smoothing_enabled(false);
    if let Err(e) =
        context.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, width, height)
    {
        return not_drawn(js_error_text(&e));
    }
    let read = match context.get_image_data(0.0, 0.0, width, height) {
        Ok(data) => {
            let bytes = data.data();
            Ok(match bytes.get(..3) {
                Some([r, g, b]) => format!(
                    "{} bytes of pixels; the first is rgb({r}, {g}, {b})",
                    bytes.len()
                ),
                _ => format!("{} bytes of pixels", bytes.len()),
            })
        }
        Err(e) => Err(js_error_text(&e)),
    };
    CanvasRun { drawn: true, read }
}

/// Add `<script src=url>` to the page, wait until it ran (or failed), take it
/// out again, and say whether it set the widget's flag.
async fn load_script(url: &str) -> Result<bool, String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let body = document.body().ok_or("no body")?;
    let flag = wasm_bindgen::JsValue::from_str(WIDGET_FLAG);
    // Start from false, so `true` proves this run's script ran.
    js_sys::Reflect::set(&window, &flag, &false.into()).map_err(|e| js_error_text(&e))?;
    let script: HtmlScriptElement = document
        .create_element("script")
        .map_err(|e| js_error_text(&e))?
        .dyn_into()
        .map_err(|_| "not a script element".to_owned())?;
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
    outcome.map_err(|_| "the browser reported a load error".to_owned())?;
    Ok(js_sys::Reflect::get(&window, &flag)
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false))
}
