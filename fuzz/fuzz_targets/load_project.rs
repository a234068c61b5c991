//! Arbitrary bytes into the project loader and validator: they must return Ok or a positioned
//! error, never panic, hang or overflow the stack. Run: `cargo fuzz run load_project` (see README).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match kizuki::file::parse(data) {
        Ok(project) => {
            // Whatever loads must validate, save and load again to the same project.
            assert_eq!(project.validate(), Ok(()));
            let text = kizuki::file::to_text(&project).expect("a loaded project serialises");
            let again = kizuki::file::parse(text.as_bytes()).expect("a saved project loads");
            assert_eq!(again, project);
        }
        Err(e) => {
            // Every error can be said in both languages.
            let _ = e.message(kizuki::Lang::Ja);
            let _ = e.message(kizuki::Lang::En);
        }
    }
});
