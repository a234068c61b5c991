//! What the facilitator sets up before the walk, and the boxes of a report that circulates.

use super::{agenda, serde_helpers};
use crate::i18n::Lang;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// What the facilitator sets up before the walk.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    /// 自治体名 or the organisation running the workshop.
    pub organization: String,
    #[serde(with = "serde_helpers::opt_date")]
    pub date: Option<NaiveDate>,
    pub facilitator: String,
    pub venue: String,
    /// The language the project is written in; exports default to it.
    pub language: Lang,
    #[serde(with = "serde_helpers::opt_timestamp")]
    pub created_at: Option<DateTime<FixedOffset>>,
    #[serde(with = "serde_helpers::opt_timestamp")]
    pub modified_at: Option<DateTime<FixedOffset>>,
    /// Minutes per item for the walk, when the facilitator has planned it.
    pub agenda: Option<agenda::Agenda>,
    /// The department that made the report (作成部署), for the report that circulates.
    pub department: String,
    /// Who stamps the report as it circulates, and who approves it.
    pub circulation: Circulation,
    /// Who sees whose vote, decided before voting. Absent in files before format 3 (everyone).
    #[serde(skip_serializing_if = "VoteNames::is_everyone")]
    pub vote_names: VoteNames,
}

/// Who sees which member voted what, once the votes are revealed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum VoteNames {
    /// The room: each member's level beside their name, on every screen and in the vote list.
    #[default]
    Everyone,
    /// The facilitator only: the file keeps the names, but the projector, the presenter and every
    /// export show the levels without them.
    Facilitator,
}

impl VoteNames {
    pub fn is_everyone(&self) -> bool {
        *self == VoteNames::Everyone
    }
}

impl Meta {
    /// Whether only the facilitator is to see who voted what.
    pub fn names_private(&self) -> bool {
        self.vote_names == VoteNames::Facilitator
    }
}

/// The boxes people stamp or sign on a report that circulates in a city hall (庁内回覧): 回覧 for
/// those who read it, 決裁 for those who approve it, each a role (課長, 係長 …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Circulation {
    pub readers: Vec<String>,
    pub approvers: Vec<String>,
    /// 文書番号, filled in by hand if left empty.
    pub document_number: String,
}

impl Default for Circulation {
    fn default() -> Self {
        Circulation {
            readers: vec!["係長".into(), "担当".into()],
            approvers: vec!["課長".into(), "課長補佐".into()],
            document_number: String::new(),
        }
    }
}

impl Circulation {
    /// The roles in `lang` for a project that never set them (English projects get English roles).
    pub fn default_for(lang: Lang) -> Circulation {
        match lang {
            Lang::Ja => Circulation::default(),
            Lang::En => Circulation {
                readers: vec!["Section chief".into(), "Staff".into()],
                approvers: vec!["Director".into(), "Deputy director".into()],
                document_number: String::new(),
            },
        }
    }
}
