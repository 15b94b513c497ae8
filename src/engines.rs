//! The words for the three engines the lab models (the text layer's part for
//! `cors_core::browser::Engine`): the browser a learner knows each by.

use cors_core::browser::Engine;

/// The browser name a learner knows the engine by.
pub fn browser_name(engine: Engine) -> &'static str {
    match engine {
        Engine::Chromium => "Chrome",
        Engine::Gecko => "Firefox",
        Engine::WebKit => "Safari",
    }
}

/// The `data-testid` suffix of the engine's console lines (`console-<slug>`).
pub fn slug(engine: Engine) -> &'static str {
    match engine {
        Engine::Chromium => "chrome",
        Engine::Gecko => "firefox",
        Engine::WebKit => "safari",
    }
}

/// Who else the engine speaks for, for a heading.
pub fn family(engine: Engine) -> &'static str {
    match engine {
        Engine::Chromium => "Chrome, Edge, Opera and other Chromium browsers",
        Engine::Gecko => "Firefox",
        Engine::WebKit => "Safari and every browser on iPhone and iPad (WebKit)",
    }
}
