//! What the PC's administrator has decided for every user of this machine: whether phone voting is
//! offered at all, and on which port it listens. A city hall's IT approves software on such terms
//! ("no listening port", or "only port 8765, which we open in the firewall"), so they must hold
//! whatever a user sets.
//!
//! Where it comes from:
//! - Windows: the registry key `HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Kizuki` (where group policy
//!   and Intune put settings), values `PhoneVoting` (DWORD, 0 = off) and `VotePort` (DWORD).
//! - Linux and macOS: the file `/etc/kizuki/policy.toml`, with `phone_voting = false` and
//!   `vote_port = 8765`.
//!
//! A policy that cannot be read is not ignored: phone voting is then off, and the window says why,
//! since a typo in IT's file must not open a port IT meant to keep closed.

use std::path::Path;

/// The machine's policy. The default (no policy set) allows everything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    /// Whether phones may vote over the room's network (the voting server may listen).
    pub phone_voting: bool,
    /// The only port the voting server may listen on.
    pub vote_port: Option<u16>,
    /// Where the policy was read, for the messages that cite it; `None` when none is set.
    pub source: Option<String>,
    /// Why the policy could not be read (phone voting is then off).
    pub problem: Option<PolicyError>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            phone_voting: true,
            vote_port: None,
            source: None,
            problem: None,
        }
    }
}

/// Why a policy could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    #[error("{file}: {reason}")]
    File { file: String, reason: String },
    #[error("{key}: {reason}")]
    Registry { key: String, reason: String },
}

impl PolicyError {
    /// The problem in the user's language (for the window and the command line).
    pub fn message(&self, lang: crate::Lang) -> String {
        match self {
            PolicyError::File { file, reason } | PolicyError::Registry { key: file, reason } => {
                crate::tr!(lang, "policy.unreadable", source = file, reason = reason)
            }
        }
    }
}

/// The settings the policy file may hold; any other key is refused, so that a misspelt
/// `phone_votng = false` is not silently ignored.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    phone_voting: Option<bool>,
    vote_port: Option<u16>,
}

/// Where Linux and macOS keep the policy.
pub const POLICY_FILE: &str = "/etc/kizuki/policy.toml";
/// Where Windows keeps it, under `HKEY_LOCAL_MACHINE`.
pub const POLICY_KEY: &str = r"SOFTWARE\Policies\Kizuki";

impl Policy {
    /// This machine's policy.
    pub fn of_machine() -> Policy {
        // Debug builds (the tests) may point at another file; a release build reads only the
        // machine's, so no user can set the policy aside with an environment variable.
        #[cfg(debug_assertions)]
        if let Some(file) = std::env::var_os("KIZUKI_POLICY_FILE") {
            return Policy::from_file(Path::new(&file));
        }
        #[cfg(windows)]
        {
            registry::read()
        }
        #[cfg(not(windows))]
        {
            Policy::from_file(Path::new(POLICY_FILE))
        }
    }

    /// The policy in `file`; none set when the file does not exist.
    pub fn from_file(file: &Path) -> Policy {
        let shown = file.display().to_string();
        match std::fs::read_to_string(file) {
            Ok(text) => Policy::parse(&text, &shown),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Policy::default(),
            Err(e) => Policy::unreadable(PolicyError::File {
                file: shown,
                reason: e.to_string(),
            }),
        }
    }

    /// The policy written in `text` (TOML), read from `source`.
    pub fn parse(text: &str, source: &str) -> Policy {
        match toml::from_str::<PolicyFile>(text) {
            Ok(file) => Policy {
                phone_voting: file.phone_voting.unwrap_or(true),
                vote_port: file.vote_port,
                source: Some(source.to_owned()),
                problem: None,
            }
            .checked(source),
            Err(e) => Policy::unreadable(PolicyError::File {
                file: source.to_owned(),
                reason: e.message().to_owned(),
            }),
        }
    }

    /// A policy that could not be read: voting off, and why.
    fn unreadable(problem: PolicyError) -> Policy {
        let source = match &problem {
            PolicyError::File { file, .. } => file.clone(),
            PolicyError::Registry { key, .. } => key.clone(),
        };
        Policy {
            phone_voting: false,
            vote_port: None,
            source: Some(source),
            problem: Some(problem),
        }
    }

    /// Port 0 would mean "any port", the opposite of fixing one.
    fn checked(self, source: &str) -> Policy {
        if self.vote_port == Some(0) {
            return Policy::unreadable(PolicyError::File {
                file: source.to_owned(),
                reason: "vote_port = 0".to_owned(),
            });
        }
        self
    }

    /// Whether the administrator has set anything at all.
    pub fn is_set(&self) -> bool {
        self.source.is_some()
    }

    /// What the policy means, in the user's language: for `kizuki policy` and the About window.
    pub fn describe(&self, lang: crate::Lang) -> Vec<String> {
        let mut lines = Vec::new();
        match &self.source {
            None => lines.push(crate::tr!(lang, "policy.none")),
            Some(source) => lines.push(crate::tr!(lang, "policy.source", source = source)),
        }
        if let Some(problem) = &self.problem {
            lines.push(problem.message(lang));
        }
        lines.push(if self.phone_voting {
            crate::tr!(lang, "policy.voting_on")
        } else {
            crate::tr!(lang, "policy.voting_off")
        });
        if let Some(port) = self.vote_port {
            lines.push(crate::tr!(lang, "policy.port", port = port));
        }
        lines
    }
}

#[cfg(windows)]
#[expect(
    unsafe_code,
    reason = "one call into the Windows registry API, with buffers Rust owns and sizes it states"
)]
mod registry {
    //! The policy from `HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Kizuki`.
    use super::{POLICY_KEY, Policy, PolicyError};
    use windows_sys::Win32::Foundation::{ERROR_FILE_NOT_FOUND, ERROR_SUCCESS};
    use windows_sys::Win32::System::Registry::{
        HKEY_LOCAL_MACHINE, RRF_RT_REG_DWORD, RegGetValueW,
    };

    fn wide(s: &str) -> Vec<u16> {
        s.encode_utf16().chain([0]).collect()
    }

    /// A DWORD value of the policy key: `Ok(None)` when the key or the value is not there.
    fn dword(name: &str) -> Result<Option<u32>, PolicyError> {
        let key = wide(POLICY_KEY);
        let value = wide(name);
        let mut data: u32 = 0;
        let mut size = u32::try_from(std::mem::size_of::<u32>()).unwrap_or(4);
        // SAFETY: the strings are NUL-terminated UTF-16 that outlive the call; `data` is a
        // DWORD and `size` says so, as RRF_RT_REG_DWORD requires.
        let status = unsafe {
            RegGetValueW(
                HKEY_LOCAL_MACHINE,
                key.as_ptr(),
                value.as_ptr(),
                RRF_RT_REG_DWORD,
                std::ptr::null_mut(),
                std::ptr::from_mut(&mut data).cast(),
                &mut size,
            )
        };
        match status {
            ERROR_SUCCESS => Ok(Some(data)),
            ERROR_FILE_NOT_FOUND => Ok(None),
            other => Err(PolicyError::Registry {
                key: format!(r"HKEY_LOCAL_MACHINE\{POLICY_KEY}\{name}"),
                reason: std::io::Error::from_raw_os_error(other.cast_signed()).to_string(),
            }),
        }
    }

    pub fn read() -> Policy {
        let source = format!(r"HKEY_LOCAL_MACHINE\{POLICY_KEY}");
        let (voting, port) = match (dword("PhoneVoting"), dword("VotePort")) {
            (Ok(voting), Ok(port)) => (voting, port),
            (Err(e), _) | (_, Err(e)) => return Policy::unreadable(e),
        };
        if voting.is_none() && port.is_none() {
            return Policy::default();
        }
        let vote_port = match port.map(u16::try_from) {
            None => None,
            Some(Ok(p)) if p != 0 => Some(p),
            Some(_) => {
                return Policy::unreadable(PolicyError::Registry {
                    key: format!(r"{source}\VotePort"),
                    reason: format!("{port:?}"),
                });
            }
        };
        Policy {
            phone_voting: voting.is_none_or(|v| v != 0),
            vote_port,
            source: Some(source),
            problem: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_file_means_no_policy() {
        let dir = tempfile::tempdir().expect("dir");
        let policy = Policy::from_file(&dir.path().join("machine-policy.toml"));
        assert_eq!(policy, Policy::default());
        assert!(policy.phone_voting && !policy.is_set());
    }

    #[test]
    fn a_file_turns_voting_off_or_fixes_its_port() {
        let off = Policy::parse("phone_voting = false\n", "/etc/kizuki/policy.toml");
        assert!(!off.phone_voting);
        assert_eq!(off.source.as_deref(), Some("/etc/kizuki/policy.toml"));
        let port = Policy::parse("# IT, 2026-12\nvote_port = 8765\n", "p");
        assert!(port.phone_voting);
        assert_eq!(port.vote_port, Some(8765));
        assert!(port.problem.is_none());
    }

    #[test]
    fn a_broken_policy_keeps_voting_off_and_says_why() {
        for text in [
            "phone_votng = false",
            "phone_voting = \"no\"",
            "vote_port = 70000",
            "vote_port = 0",
            "[[[",
        ] {
            let policy = Policy::parse(text, "p");
            assert!(!policy.phone_voting, "{text}");
            let problem = policy.problem.as_ref().expect(text);
            for lang in [crate::Lang::Ja, crate::Lang::En] {
                let message = problem.message(lang);
                assert!(message.contains('p'), "{message}");
            }
        }
        let folder = tempfile::tempdir().expect("dir");
        // A folder where the file should be cannot be read as one.
        let policy = Policy::from_file(folder.path());
        assert!(!policy.phone_voting && policy.problem.is_some());
    }

    #[test]
    fn the_description_says_what_holds_in_both_languages() {
        let policy = Policy::parse("phone_voting = false\nvote_port = 8765", "/etc/x");
        for lang in [crate::Lang::Ja, crate::Lang::En] {
            let lines = policy.describe(lang).join("\n");
            assert!(
                lines.contains("/etc/x") && lines.contains("8765"),
                "{lines}"
            );
        }
        let none = Policy::default().describe(crate::Lang::En).join("\n");
        assert!(!none.contains("8765"), "{none}");
    }
}
