//! Criterion benches of each stage of a draw, by directory size: parse (the block
//! reader, with both digests), digest (the canonical digest of a table in memory),
//! tickets (frame, allocation and selection of one task), allocation, matching, and a
//! whole draw. The scale benchmark against `openssl dgst -sha256` is `scripts/bench.sh`.
//!
//! `cargo bench` measures; CI runs `cargo bench -- --test`, which runs each
//! bench once to prove it works. Absolute timings belong in BENCHMARKS.md,
//! never in assertions.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::sync::Arc;

use shuangsui::inputs::{ByteSource, Directory, Table, TableKind, TableOptions};
use shuangsui::internal::stream;
use shuangsui::internal::{allocation, frame, matching, selection};
use shuangsui::plan::{Plan, Ratio, Rounding};
use shuangsui::{Seed, ceremony::seed, inputs::digest, synth};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn stages(c: &mut Criterion) {
    let plan = Plan::parse("plan.toml", synth::plan_toml(40).as_bytes()).unwrap();
    let officers_csv = synth::officers_csv(200, 1);
    let officers =
        Table::from_csv(TableKind::Officers, "officers.csv", officers_csv.as_bytes()).unwrap();
    let task = &plan.tasks[0];
    let key = seed::task_key(&[7; 32], &task.id);

    // The reader of large directories: blocks on every core, raw and canonical digests.
    let mut parse = c.benchmark_group("parse");
    for n in SIZES {
        let mut csv = Vec::new();
        synth::province::write_targets(&mut csv, n as u64, 1).unwrap();
        parse.throughput(Throughput::Bytes(csv.len() as u64));
        let data: Arc<dyn ByteSource> = Arc::new(csv);
        parse.bench_with_input(BenchmarkId::from_parameter(n), &data, |b, data| {
            b.iter(|| {
                stream::read(
                    "targets.csv",
                    black_box(data),
                    b',',
                    &TableOptions::default(),
                    &stream::Options::default(),
                )
                .unwrap()
            });
        });
    }
    parse.finish();

    let tables: Vec<Table> = SIZES
        .iter()
        .map(|&n| {
            Table::from_csv(TableKind::Targets, "t", synth::targets_csv(n, 1).as_bytes()).unwrap()
        })
        .collect();

    let mut group = c.benchmark_group("digest");
    for t in &tables {
        group.throughput(Throughput::Elements(t.rows.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(t.rows.len()), t, |b, t| {
            b.iter(|| digest::table(black_box(t)));
        });
    }
    group.finish();

    let directories: Vec<Directory> = tables.iter().cloned().map(Directory::from_table).collect();
    let mut group = c.benchmark_group("tickets");
    for t in &directories {
        group.throughput(Throughput::Elements(t.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(t.len()), t, |b, t| {
            b.iter(|| {
                let none = shuangsui::draw::Earlier::default();
                let rules = frame::FrameRules {
                    earlier: &none,
                    exclude_status: &plan.exclude_status,
                    history: None,
                    date: None,
                    cap: None,
                };
                let frame = frame::frame(task, black_box(t), &rules).unwrap();
                let (allocated, _) = selection::allocate(task, &frame).unwrap();
                selection::select(&key, t, &frame, &allocated, &mut |_| None)
            });
        });
    }
    group.finish();

    let mut group = c.benchmark_group("allocation");
    let ratio = Ratio::parse("3%").unwrap();
    for n in SIZES {
        group.bench_with_input(BenchmarkId::from_parameter(n), &(n as u64), |b, &n| {
            b.iter(|| allocation::ratio_count(black_box(n), ratio, Rounding::Ceil, 1));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("matching");
    for teams in [100_usize, 1_000, 10_000] {
        group.throughput(Throughput::Elements(teams as u64));
        group.bench_with_input(BenchmarkId::from_parameter(teams), &teams, |b, &teams| {
            let part = matching::Part {
                department: None,
                pool: (0..officers.rows.len()).collect(),
                members: task.team_size,
            };
            let ids: Vec<String> = (0..teams).map(|i| format!("X{i}")).collect();
            let entities: Vec<matching::Entity<'_>> = ids
                .iter()
                .map(|id| matching::Entity { id, region: None })
                .collect();
            b.iter(|| {
                let mut load = vec![0; officers.rows.len()];
                matching::teams(
                    task,
                    &key,
                    &officers,
                    std::slice::from_ref(&part),
                    black_box(&entities),
                    &matching::Rules::default(),
                    &mut load,
                )
                .unwrap()
            });
        });
    }
    group.finish();

    let mut group = c.benchmark_group("draw");
    group.sample_size(10);
    let officers_bytes = officers_csv.into_bytes();
    let plan_bytes = synth::plan_toml(40).into_bytes();
    for n in [10_000, 100_000] {
        let targets = synth::targets_csv(n, 1).into_bytes();
        group.bench_with_input(BenchmarkId::from_parameter(n), &targets, |b, targets| {
            b.iter(|| {
                let inputs = shuangsui::Inputs::parse(
                    shuangsui::Source {
                        name: "plan.toml",
                        bytes: &plan_bytes,
                    },
                    shuangsui::Source {
                        name: "targets.csv",
                        bytes: targets,
                    },
                    shuangsui::Source {
                        name: "officers.csv",
                        bytes: &officers_bytes,
                    },
                )
                .unwrap();
                shuangsui::draw(&inputs, &Seed::unattested("bench").unwrap()).unwrap()
            });
        });
    }
    group.finish();
}

// criterion's macros generate undocumented items.
#[allow(missing_docs)]
mod generated {
    use super::{criterion_group, stages};
    criterion_group!(benches, stages);
}
use generated::benches;
criterion_main!(benches);
