//! End-to-end tests: the built app (`dist/`, from `trunk build`) served by the
//! demo server in-process on free loopback ports, driven in Debian's Chromium
//! through chromedriver. Run by `cargo xtask test`, which builds `dist/` first.
//!
//! Layout (after the Leptos e2e examples): `harness` starts and always tears
//! down the processes; `find` / `act` / `check` helpers; one module per page.
#![cfg(not(target_arch = "wasm32"))]

mod accessibility;
mod classroom;
mod console_feed;
mod cors_matrix;
mod explain_page;
mod harness;
mod home_fetch;
mod hostile_input;
mod lab_page;
mod language;
mod language_explain;
mod language_lab;
mod language_origin;
mod language_quiz;
mod language_server;
mod language_why;
mod lazy_routes;
mod loopback_proxy;
mod origin_page;
mod phone_layout;
mod preflight_cache_cap;
mod present_mode;
mod quiz_page;
mod text_prefetch;
mod why_page;
