//! The rules engine: what the Fetch standard (as Chromium implements it) says
//! happens to a [`Scenario`]: is a preflight needed and why, does it pass, is
//! the actual request sent, can JavaScript read the response and which
//! headers, are cookies sent — each step with the rule that decided it, plus
//! the console messages Chrome and Firefox print and the TypeError JS sees.
//!
//! Checked against real Chromium by the differential test (`tests/e2e/cors_matrix.rs`).

use crate::scenario::{Observation, Scenario, Target};
use serde::Serialize;

/// Where the demo origins are, as the page sees them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Env {
    /// Host the page was opened on, e.g. `localhost`.
    pub host: String,
    /// The other loopback name for [`Target::ApiAlt`], e.g. `127.0.0.1`.
    pub alt_host: String,
    pub app_port: u16,
    pub api_port: u16,
    pub intranet_port: u16,
    /// The browser holds the lab's cookie (`lab=…; Path=/; SameSite=Lax`) for `host`.
    pub has_lab_cookie: bool,
}

impl Env {
    /// `http://host:port` of a target.
    pub fn origin_of(&self, target: Target) -> String {
        let (host, port) = match target {
            Target::App => (&self.host, self.app_port),
            Target::Api => (&self.host, self.api_port),
            Target::ApiAlt => (&self.alt_host, self.api_port),
            Target::Intranet => (&self.host, self.intranet_port),
        };
        format!("http://{host}:{port}")
    }
}

/// The engine's verdict on one run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Prediction {
    /// What the browser and the server log will show.
    pub observation: Observation,
    // The helper implementing the engine adds: steps (each with its rule and
    // outcome), the failure reason (a data-carrying enum), console messages.
}

/// Predict every run of the scenario (`scenario.repeat` of them, sharing one
/// preflight cache, starting empty). Never panics.
pub fn predict(scenario: &Scenario, env: &Env) -> Vec<Prediction> {
    let _ = (scenario, env);
    todo!()
}
