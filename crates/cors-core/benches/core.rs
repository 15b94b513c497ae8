//! Cost per call of the core's hot paths, natively (criterion):
//!
//! - `compare/presets`: `parse_url` of both URLs + `compare`, for every
//!   comparator preset (what the origin page does on each keystroke);
//! - `compare/one_pair`: one typical cross-origin pair;
//! - `engine/predict_matrix`: `engine::predict` over every scenario of
//!   `tests/data/cors-matrix.json` (expanded like the differential test does);
//!   criterion reports the time for the whole matrix, the per-scenario figure is
//!   that divided by the number of scenarios (printed at start).
//!
//! `cargo bench -p cors-core --bench core`; `cargo xtask bench` runs it and
//! puts the per-call figures in the benchmark table.

use std::hint::black_box;

use cors_core::compare::{compare, PRESETS};
use cors_core::engine::{predict, Env};
use cors_core::scenario::Scenario;
use cors_core::url_parts::parse_url;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde_json::{json, Value};

const MATRIX: &str = include_str!("../../../tests/data/cors-matrix.json");

/// Every group's `vary` axes (cartesian product) over its base scenario: the
/// same expansion as `tests/e2e/cors_matrix.rs`.
fn load_matrix() -> Vec<Scenario> {
    let doc: Value = serde_json::from_str(MATRIX).expect("cors-matrix.json is JSON");
    let mut out = Vec::new();
    for group in doc["groups"].as_array().expect("groups") {
        let name = group["name"].as_str().expect("group name");
        let base = json!({
            "request": group.get("request").cloned().unwrap_or(json!({})),
            "server": group.get("server").cloned().unwrap_or(json!({})),
            "repeat": group.get("repeat").cloned().unwrap_or(json!(1)),
        });
        let mut combos: Vec<Value> = vec![base];
        for axis in group["vary"].as_array().cloned().unwrap_or_default() {
            let path = axis["path"].as_str().expect("axis path").to_owned();
            let values = axis["values"].as_array().expect("axis values").clone();
            combos = combos
                .iter()
                .flat_map(|combo| {
                    values.iter().map(|v| {
                        let mut next = combo.clone();
                        set_path(&mut next, &path, v.clone());
                        next
                    })
                })
                .collect();
        }
        for (i, mut combo) in combos.into_iter().enumerate() {
            combo["id"] = json!(format!("{name}-{i}"));
            out.push(serde_json::from_value(combo).expect("a Scenario"));
        }
    }
    out
}

fn set_path(root: &mut Value, path: &str, value: Value) {
    let mut at = root;
    for key in path.split('.') {
        if !at.is_object() {
            *at = json!({});
        }
        at = at
            .as_object_mut()
            .expect("object")
            .entry(key)
            .or_insert(Value::Null);
    }
    *at = value;
}

fn bench_compare(c: &mut Criterion) {
    let mut group = c.benchmark_group("compare");
    group.throughput(Throughput::Elements(PRESETS.len() as u64));
    group.bench_function("presets", |b| {
        b.iter(|| {
            for preset in PRESETS {
                if let (Ok(a), Ok(bb)) = (
                    parse_url(black_box(preset.a)),
                    parse_url(black_box(preset.b)),
                ) {
                    black_box(compare(&a, &bb));
                }
            }
        })
    });
    group.throughput(Throughput::Elements(1));
    group.bench_function("one_pair", |b| {
        b.iter(|| {
            let a = parse_url(black_box("https://shop.example.com/cart")).expect("url");
            let bb = parse_url(black_box("https://api.example.com:8443/users.json")).expect("url");
            black_box(compare(&a, &bb))
        })
    });
    group.finish();
}

fn bench_engine(c: &mut Criterion) {
    let scenarios = load_matrix();
    eprintln!("engine/predict_matrix: {} scenarios", scenarios.len());
    let env = Env {
        host: "localhost".to_owned(),
        alt_host: "127.0.0.1".to_owned(),
        app_port: 8080,
        api_port: 8081,
        intranet_port: 8082,
        has_lab_cookie: true,
    };
    let mut group = c.benchmark_group("engine");
    group.throughput(Throughput::Elements(scenarios.len() as u64));
    group.bench_function("predict_matrix", |b| {
        b.iter(|| {
            for scenario in &scenarios {
                black_box(predict(black_box(scenario), &env));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_compare, bench_engine);
criterion_main!(benches);
