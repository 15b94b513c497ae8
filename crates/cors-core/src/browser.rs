//! Which browser a learner uses, from its user agent string, and how that
//! browser opens its developer console (where CORS failures are printed).
//! A fact per browser family; the app shows the learner their own.

/// A browser family, as far as opening the console goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Browser {
    /// Chrome, Chromium, Edge, Opera, Brave: Blink.
    Chromium,
    /// Firefox: Gecko.
    Firefox,
    /// Safari (and other WebKit browsers such as GNOME Web).
    Safari,
    /// Anything else.
    Other,
}

/// The three browser engines the lab models and tests, each in one real
/// browser: Chromium (Blink), Firefox ESR (Gecko) and WebKitGTK (WebKit,
/// Safari's engine). Where they differ, the model predicts per engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Engine {
    /// Chrome, Edge, Opera, Brave…
    Chromium,
    /// Firefox.
    Gecko,
    /// Safari, every iOS browser, GNOME Web.
    WebKit,
}

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Gecko, Engine::WebKit];
}

impl Browser {
    /// The engine this family runs on (`None` for an unknown browser).
    pub fn engine(self) -> Option<Engine> {
        match self {
            Browser::Chromium => Some(Engine::Chromium),
            Browser::Firefox => Some(Engine::Gecko),
            Browser::Safari => Some(Engine::WebKit),
            Browser::Other => None,
        }
    }

    /// The family a `navigator.userAgent` string names. Order matters:
    /// Chromium's string also says "Safari", and Safari's says "like Gecko".
    pub fn from_user_agent(user_agent: &str) -> Browser {
        let has = |token: &str| user_agent.contains(token);
        if has("Firefox/") || has("FxiOS/") {
            Browser::Firefox
        } else if has("Chrome/") || has("Chromium/") || has("CriOS/") || has("Edg/") {
            Browser::Chromium
        } else if has("AppleWebKit/") && has("Safari/") {
            Browser::Safari
        } else {
            Browser::Other
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_agents_name_their_family() {
        for (ua, browser) in [
            ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36", Browser::Chromium),
            ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0", Browser::Chromium),
            ("Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0", Browser::Firefox),
            ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", Browser::Safari),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", Browser::Safari),
            ("Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15", Browser::Safari),
            ("curl/8.5.0", Browser::Other),
            ("", Browser::Other),
        ] {
            assert_eq!(Browser::from_user_agent(ua), browser, "{ua}");
        }
    }
}
