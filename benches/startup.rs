//! Start-up to the first frame shown: Kizuki (the start screen, its fonts, its settings) against a
//! bare eframe window built with the same features and profile, started alternately in the same
//! run under Xvfb, each closing itself after its first frame. Goal: Kizuki within 1.2× of the bare
//! window. Then the memory each holds once drawn (Kizuki with the sample open; goal: within 10 MB
//! of the bare window), and the bare window with wgpu instead of OpenGL for both figures.
//!
//! Run with `cargo bench --bench startup` after `cargo build --release --bin kizuki --example
//! bare_window` (the bench builds neither; `KIZUKI_STARTUP_PROFILE=bench` picks another profile).

#![expect(
    clippy::print_stdout,
    reason = "a benchmark binary reports its figures on standard output"
)]

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 15;

fn main() {
    let dir = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    let profile = std::env::var("KIZUKI_STARTUP_PROFILE").unwrap_or_else(|_| "release".into());
    let kizuki = format!("{dir}/{profile}/kizuki");
    let bare = format!("{dir}/{profile}/examples/bare_window");
    for binary in [&kizuki, &bare] {
        assert!(
            std::path::Path::new(binary).exists(),
            "build {binary} first"
        );
    }
    let display = ":93";
    let mut xvfb = Command::new("Xvfb")
        .args([display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb (apt-get install xvfb)");
    std::thread::sleep(Duration::from_secs(1));
    let data = tempfile::tempdir().expect("data dir");
    let run = |binary: &str, args: &[&str]| {
        let mut command = Command::new(binary);
        command
            .args(args)
            .env("DISPLAY", display)
            .env("KIZUKI_DATA_DIR", data.path())
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        command
    };
    let time = |binary: &str, args: &[&str]| {
        let started = Instant::now();
        let status = run(binary, args)
            .env("KIZUKI_EXIT_AFTER_FIRST_FRAME", "1")
            .status()
            .expect("runs");
        assert!(status.success(), "{binary} failed");
        started.elapsed()
    };
    // One of each first, so that all start from a warm disk cache.
    time(&kizuki, &[]);
    time(&bare, &[]);
    time(&bare, &["--wgpu"]);
    let (mut k, mut b, mut w) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        k.push(time(&kizuki, &[]));
        b.push(time(&bare, &[]));
        w.push(time(&bare, &["--wgpu"]));
    }
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let (km, bm, wm) = (median(&mut k), median(&mut b), median(&mut w));
    println!(
        "first frame, median of {RUNS}: kizuki {:.0} ms, bare eframe {:.0} ms, ratio {:.2}; \
         bare eframe with wgpu {:.0} ms",
        ms(km),
        ms(bm),
        km.as_secs_f64() / bm.as_secs_f64(),
        ms(wm)
    );

    // Memory: resident set a few seconds after start, once the first frames are drawn and the
    // fonts' atlas is built, Kizuki with the sample open.
    let sample = data.path().join("sample.kizuki.ron");
    let written = Command::new(&kizuki)
        .args(["sample", "--out"])
        .arg(&sample)
        .stdout(Stdio::null())
        .status()
        .expect("kizuki sample");
    assert!(written.success(), "kizuki sample failed");
    let sample = sample.to_string_lossy().into_owned();
    let rss = |binary: &str, args: &[&str]| {
        let mut child = run(binary, args).spawn().expect("runs");
        std::thread::sleep(Duration::from_secs(3));
        let status = std::fs::read_to_string(format!("/proc/{}/status", child.id()))
            .expect("/proc/PID/status");
        let _ = child.kill();
        let _ = child.wait();
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map(|kb| kb / 1024.0)
            .expect("VmRSS")
    };
    let mib = |binary: &str, args: &[&str]| {
        let mut v: Vec<f64> = (0..3).map(|_| rss(binary, args)).collect();
        v.sort_by(f64::total_cmp);
        v[1]
    };
    let (km, bm, wm) = (
        mib(&kizuki, &[&sample]),
        mib(&bare, &[]),
        mib(&bare, &["--wgpu"]),
    );
    println!(
        "resident memory, median of 3: kizuki with the sample {km:.1} MiB, bare eframe {bm:.1} MiB \
         (difference {:.1} MiB); bare eframe with wgpu {wm:.1} MiB",
        km - bm
    );
    let _ = xvfb.kill();
    let _ = xvfb.wait();
}
