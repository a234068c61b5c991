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

    /// The key of a message that states a count, in the form the count needs: English says
    /// "1 vote" but "2 votes", Japanese says 「1 票」 and 「2 票」 alike. rust-i18n has no plural
    /// forms, so a message whose English changes keeps its general (plural) form under `key` and
    /// its singular under `<key>_one`, listed in [`SINGULAR`]:
    /// `tr!(lang, lang.count_key("removed.votes", n), count = n)`.
    pub fn count_key<N>(self, key: &'static str, count: N) -> &'static str
    where
        N: Copy + PartialEq + From<u8>,
    {
        let singular = || SINGULAR.iter().find(|(general, _)| *general == key);
        if self == Lang::En
            && count == N::from(1)
            && let Some((_, one)) = singular()
        {
            return one;
        }
        key
    }

    /// The mark before an item of a list: 「・」 in Japanese, a bullet in English.
    pub fn bullet(self) -> &'static str {
        match self {
            Lang::Ja => "・",
            Lang::En => "• ",
        }
    }

    /// What goes between the names of a list: 「佐藤、鈴木」, "Sato, Suzuki".
    pub fn list_separator(self) -> &'static str {
        match self {
            Lang::Ja => "、",
            Lang::En => ", ",
        }
    }

    /// A remark in brackets after what it is about: 「3 → 4（+1）」, "3 → 4 (+1)".
    pub fn bracketed(self, remark: &str) -> String {
        match self {
            Lang::Ja => format!("（{remark}）"),
            Lang::En => format!(" ({remark})"),
        }
    }
}

/// Messages that state a count and whose English has a singular form: the general key, and the key
/// used in English when the count is exactly 1. Both keys exist in both languages (the Japanese of
/// the two is the same), with the same placeholders.
pub const SINGULAR: &[(&str, &str)] = &[
    ("compare.title", "compare.title_one"),
    ("removed.scores", "removed.scores_one"),
    ("removed.votes", "removed.votes_one"),
    ("removed.actions", "removed.actions_one"),
    ("removed.member_with", "removed.member_with_one"),
    (
        "report.anonymous_votes_text",
        "report.anonymous_votes_text_one",
    ),
    ("votes.recovered", "votes.recovered_one"),
    ("report.dont_know_text", "report.dont_know_text_one"),
    ("voting.items_left", "voting.items_left_one"),
    ("votes.found", "votes.found_one"),
    ("voting.released", "voting.released_one"),
    ("voting.restored_partly", "voting.restored_partly_one"),
    ("voting.revealed_count", "voting.revealed_count_one"),
    ("voting.revote_item", "voting.revote_item_one"),
    ("merge.intro", "merge.intro_one"),
    ("phone.renamed", "phone.renamed_one"),
    ("cli.vote_saved", "cli.vote_saved_one"),
    ("cli.votes_recovered", "cli.votes_recovered_one"),
    ("cli.merge_conflicts", "cli.merge_conflicts_one"),
];

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

    /// The `%{name}`s of a message, in order of first use.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find("%{") {
            let Some(end) = rest[start..].find('}') else {
                break;
            };
            let name = &rest[start + 2..start + end];
            if !out.contains(&name) {
                out.push(name);
            }
            rest = &rest[start + end..];
        }
        out.sort_unstable();
        out
    }

    #[test]
    fn singular_forms_match_their_general_forms() {
        for (general, one) in SINGULAR {
            assert_eq!(format!("{general}_one"), *one);
            for lang in Lang::ALL {
                let (g, o) = (lang.tr(general), lang.tr(one));
                assert_ne!(&g, general, "{lang}: {general} is missing");
                assert_ne!(&o, one, "{lang}: {one} is missing");
                assert_eq!(placeholders(&g), placeholders(&o), "{lang}: {one}");
            }
            assert_eq!(
                Lang::Ja.tr(general),
                Lang::Ja.tr(one),
                "{one}: Japanese has no singular"
            );
            assert_ne!(
                Lang::En.tr(general),
                Lang::En.tr(one),
                "{one}: the same English"
            );
        }
    }

    #[test]
    fn the_singular_is_english_and_for_one_only() {
        assert_eq!(
            Lang::En.count_key("removed.votes", 1_usize),
            "removed.votes_one"
        );
        assert_eq!(
            Lang::En.count_key("removed.votes", 2_usize),
            "removed.votes"
        );
        assert_eq!(Lang::En.count_key("removed.votes", 0_u32), "removed.votes");
        assert_eq!(
            Lang::Ja.count_key("removed.votes", 1_usize),
            "removed.votes"
        );
        assert_eq!(Lang::En.count_key("app.saved", 1_usize), "app.saved");
        let votes =
            |lang: Lang, n: usize| crate::tr!(lang, lang.count_key("removed.votes", n), count = n);
        assert_eq!(votes(Lang::En, 1), "1 vote");
        assert_eq!(votes(Lang::En, 3), "3 votes");
        assert_eq!(votes(Lang::Ja, 1), "投票 1 件");
    }

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
