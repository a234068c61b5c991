//! Replays what the fuzzer (`fuzz/`) found: inputs that once crashed the loader (fuzz/regressions)
//! and a sample of its corpus, plus the seeds. Each must load or fail with a message; none may panic.

use std::path::Path;

fn replay(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut count = 0;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let bytes = std::fs::read(&path).expect("readable");
        let result = std::panic::catch_unwind(|| match kizuki::file::parse(&bytes) {
            Ok(project) => {
                let text = kizuki::file::to_text(&project).expect("serialises");
                assert_eq!(
                    kizuki::file::parse(text.as_bytes()).expect("reloads"),
                    project
                );
            }
            Err(e) => {
                assert!(!e.message(kizuki::Lang::Ja).is_empty());
            }
        });
        assert!(result.is_ok(), "{} made the loader panic", path.display());
        count += 1;
    }
    count
}

#[test]
fn fuzzer_findings_and_seeds_never_panic() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let seeds = replay(&fuzz.join("corpus_seed"));
    assert!(seeds >= 2, "the seeds are there");
    let replayed = replay(&fuzz.join("regressions"));
    assert!(
        replayed >= 50,
        "the committed corpus sample is there: {replayed}"
    );
}
