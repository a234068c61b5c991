//! The user's language, and the lookup of UI and message strings.
//!
//! Strings live in `locales/app.yml` (rust-i18n, one entry per key with both languages side by side, so a
//! missing translation is visible in review and caught by a test). Every lookup names its language
//! explicitly: the GUI, the CLI and the exports may each use a different one, and tests run in parallel.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The languages Kizuki speaks. Japanese first: it is the default wherever nothing says otherwise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    /// The BCP 47 code, as rust-i18n and HTML's `lang` attribute expect it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// The language's own name for itself, for menus.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ja => "日本語",
            Lang::En => "English",
        }
    }

    /// The language of the system locale: English only when the system clearly asks for it,
    /// and for any other non-Japanese locale too, since Japanese speakers run Japanese systems.
    pub fn from_system() -> Lang {
        sys_locale::get_locale()
            .as_deref()
            .map(Lang::from_locale_tag)
            .unwrap_or_default()
    }

    /// `ja_JP.UTF-8`, `ja-JP`, `ja` → Japanese; any other tag → English; empty → Japanese.
    pub fn from_locale_tag(tag: &str) -> Lang {
        let tag = tag.trim().to_ascii_lowercase();
        if tag.is_empty() || tag == "c" || tag == "posix" || tag.starts_with("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    /// Looks up a message in this language. Unknown keys come back as the key itself, which the
    /// completeness test in `tests/i18n.rs` rules out for every key the code uses.
    pub fn tr(self, key: &str) -> String {
        crate::_rust_i18n_translate(self.code(), key).into_owned()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ja" | "jp" | "japanese" | "日本語" => Ok(Lang::Ja),
            "en" | "english" => Ok(Lang::En),
            other => Err(format!("unknown language `{other}` (ja, en)")),
        }
    }
}

/// `tr!(lang, "key")` or `tr!(lang, "key", name = value, …)`: a message in an explicit language.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:expr) => {
        rust_i18n::t!($key, locale = $lang.code()).into_owned()
    };
    ($lang:expr, $key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        rust_i18n::t!($key, locale = $lang.code(), $($name = $value),+).into_owned()
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_tags_map_to_languages() {
        assert_eq!(Lang::from_locale_tag("ja_JP.UTF-8"), Lang::Ja);
        assert_eq!(Lang::from_locale_tag("ja-JP"), Lang::Ja);
        assert_eq!(Lang::from_locale_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_locale_tag("de_DE"), Lang::En);
        assert_eq!(Lang::from_locale_tag(""), Lang::Ja);
    }

    #[test]
    fn parses_language_names() {
        assert_eq!("EN".parse::<Lang>(), Ok(Lang::En));
        assert_eq!("ja".parse::<Lang>(), Ok(Lang::Ja));
        assert!("fr".parse::<Lang>().is_err());
    }
}
