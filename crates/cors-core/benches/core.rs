//! Cost per call of the core's hot paths, natively (criterion):
//!
//! - `compare/presets`: `parse_url` of both URLs + `compare`, for every
//!   comparator preset (what the origin page does on each keystroke);
//! - `compare/one_pair`: one typical cross-origin pair;
//! - `suffix_list/parse`: reading the shipped Public Suffix List (what the
//!   app does once, when the list has arrived);
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
use cors_core::suffix_list::SuffixList;
use cors_core::url_parts::parse_url;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const MATRIX: &str = include_str!("../../../tests/data/cors-matrix.json");
const SUFFIX_LIST: &str = include_str!("../../../public/psl/public_suffix_list.dat");

fn load_matrix() -> Vec<Scenario> {
    cors_core::matrix::expand(MATRIX).expect("cors-matrix.json expands")
}

fn bench_compare(c: &mut Criterion) {
    let list = SuffixList::parse(SUFFIX_LIST).expect("the shipped list parses");
    let list = &list;
    let mut group = c.benchmark_group("compare");
    group.throughput(Throughput::Elements(PRESETS.len() as u64));
    group.bench_function("presets", |b| {
        b.iter(|| {
            for preset in PRESETS {
                if let (Ok(a), Ok(bb)) = (
                    parse_url(black_box(preset.a)),
                    parse_url(black_box(preset.b)),
                ) {
                    black_box(compare(&a, &bb, list));
                }
            }
        })
    });
    group.throughput(Throughput::Elements(1));
    group.bench_function("one_pair", |b| {
        b.iter(|| {
            let a = parse_url(black_box("https://shop.example.com/cart")).expect("url");
            let bb = parse_url(black_box("https://api.example.com:8443/users.json")).expect("url");
            black_box(compare(&a, &bb, list))
        })
    });
    group.finish();
}

fn bench_suffix_list(c: &mut Criterion) {
    let mut group = c.benchmark_group("suffix_list");
    group.throughput(Throughput::Elements(1));
    group.bench_function("parse", |b| {
        b.iter(|| black_box(SuffixList::parse(black_box(SUFFIX_LIST))))
    });
    group.finish();
}

fn bench_engine(c: &mut Criterion) {
    let scenarios = load_matrix();
    eprintln!("engine/predict_matrix: {} scenarios", scenarios.len());
    let env = Env::demo_defaults(true);
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

criterion_group!(benches, bench_compare, bench_suffix_list, bench_engine);
criterion_main!(benches);
