//! Start-up to the first frame shown: Kizuki (the sample's start screen, its fonts, its
//! settings) against a bare eframe window built with the same features and profile, started
//! alternately in the same run under Xvfb, each closing itself after its first frame. Goal:
//! Kizuki within 1.2× of the bare window. Run with `cargo bench --bench startup` after
//! `cargo build --profile bench --bin kizuki --example bare_window` (the bench builds neither).

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
    let time = |binary: &str| {
        let started = Instant::now();
        let status = Command::new(binary)
            .env("DISPLAY", display)
            .env("KIZUKI_EXIT_AFTER_FIRST_FRAME", "1")
            .env("KIZUKI_DATA_DIR", data.path())
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("runs");
        assert!(status.success(), "{binary} failed");
        started.elapsed()
    };
    // One of each first, so that both start from a warm disk cache.
    time(&kizuki);
    time(&bare);
    let (mut k, mut b) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        k.push(time(&kizuki));
        b.push(time(&bare));
    }
    let _ = xvfb.kill();
    let _ = xvfb.wait();
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let (km, bm) = (median(&mut k), median(&mut b));
    println!(
        "first frame, median of {RUNS}: kizuki {:.0} ms, bare eframe {:.0} ms, ratio {:.2}",
        km.as_secs_f64() * 1000.0,
        bm.as_secs_f64() * 1000.0,
        km.as_secs_f64() / bm.as_secs_f64()
    );
}
