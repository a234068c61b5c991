//! The texts of a project an edit can replace, and where each one lives.

use super::{Project, action_mut, kpi_mut, response_mut};
use crate::checklist::ItemId;

/// Which text a [`Edit::SetText`] replaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    Title,
    Organization,
    Facilitator,
    Venue,
    TeamName {
        team: u32,
    },
    MemberName {
        team: u32,
        member: u32,
    },
    CurrentState {
        team: u32,
        item: ItemId,
    },
    Ideas {
        team: u32,
        item: ItemId,
    },
    FacilitatorNote {
        team: u32,
        item: ItemId,
    },
    ActionWhat {
        team: u32,
        item: ItemId,
        action: u32,
    },
    ActionOwner {
        team: u32,
        item: ItemId,
        action: u32,
    },
    /// The note of a carried action's review.
    ReviewNote {
        team: u32,
        item: ItemId,
        action: u32,
    },
    Kpi {
        team: u32,
        item: ItemId,
        kpi: u32,
        part: KpiText,
    },
    Department,
    DocumentNumber,
    /// Typing the roles of the 回覧 (or, with `approvers`, 決裁) boxes: the merge key of
    /// [`Edit::SetCirculationRoles`].
    CirculationRoles {
        approvers: bool,
    },
}

/// The texts of an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KpiText {
    Indicator,
    Unit,
    Method,
    Frequency,
    Owner,
}

/// Which value of an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KpiValue {
    Baseline,
    Target,
    Current,
}

/// The text a field refers to, if it still exists.
pub fn text_mut(project: &mut Project, field: TextField) -> Option<&mut String> {
    Some(match field {
        TextField::Title => &mut project.meta.title,
        TextField::Organization => &mut project.meta.organization,
        TextField::Facilitator => &mut project.meta.facilitator,
        TextField::Venue => &mut project.meta.venue,
        TextField::TeamName { team } => &mut project.team_mut(team)?.name,
        TextField::MemberName { team, member } => {
            &mut project
                .team_mut(team)?
                .members
                .iter_mut()
                .find(|x| x.id == member)?
                .name
        }
        TextField::CurrentState { team, item } => {
            &mut response_mut(project, team, item)?.current_state
        }
        TextField::Ideas { team, item } => &mut response_mut(project, team, item)?.ideas,
        TextField::FacilitatorNote { team, item } => {
            &mut response_mut(project, team, item)?.facilitator_note
        }
        TextField::ActionWhat { team, item, action } => {
            &mut action_mut(project, team, item, action)?.what
        }
        TextField::ActionOwner { team, item, action } => {
            &mut action_mut(project, team, item, action)?.owner
        }
        TextField::ReviewNote { team, item, action } => {
            &mut action_mut(project, team, item, action)?
                .review
                .as_mut()?
                .note
        }
        TextField::Kpi {
            team,
            item,
            kpi,
            part,
        } => {
            let k = kpi_mut(project, team, item, kpi)?;
            match part {
                KpiText::Indicator => &mut k.indicator,
                KpiText::Unit => &mut k.unit,
                KpiText::Method => &mut k.method,
                KpiText::Frequency => &mut k.frequency,
                KpiText::Owner => &mut k.owner,
            }
        }
        TextField::Department => &mut project.meta.department,
        TextField::DocumentNumber => &mut project.meta.circulation.document_number,
        // Roles are a list, set whole by `Edit::SetCirculationRoles`.
        TextField::CirculationRoles { .. } => return None,
    })
}
