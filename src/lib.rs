//! CORS Lab, the browser app (Leptos, client-side rendered).
//!
//! - [`app`]: the router and page frame.
//! - [`pages`]: one module per route; [`lazy`] loads each as its own wasm chunk.
//! - [`components`]: reusable pieces (URL breakdown, verdict badges, live server log).
//! - [`demo`]: the edge to the demo server: where its origins are, the learner tag,
//!   real `fetch` calls. All teaching logic lives in the `cors-core` crate.
//! - [`engines`]: the browsers' names for the three engines the lab models.
//! - [`i18n`]: the text layer (locales/, the active locale, the language switch).
//! - [`words`]: core's typed facts in the learner's language.
//! - [`instructor_key`]: classroom mode's instructor key (this tab's, sent to our own API only).
//! - [`classroom`]: classroom mode: the instructor key and this browser's seat.
//! - [`presenter`]: presenter mode's state (steps, keys, the address), shared as a context.
//! - [`suffix_list`]: the Public Suffix List, fetched lazily once and shared
//!   (same-site and cookie verdicts need it).
//! - [`url_state`]: the address bar as page state (deep links).

pub mod app;
pub mod classroom;
pub mod components;
pub mod demo;
pub mod engines;
pub mod i18n;
pub mod instructor_key;
pub mod lazy;
pub mod pages;
pub mod prefetch;
pub mod presenter;
pub mod suffix_list;
pub mod texts;
pub mod url_state;
pub mod words;
