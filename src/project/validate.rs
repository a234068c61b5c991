//! What the parser cannot check on its own: cross references and size limits, and where in the
//! project a problem sits.

use super::{Counted, Problem, Project, Team, limits};
use crate::checklist::ItemId;
use crate::i18n::Lang;

/// Where in a project a problem found after parsing sits, for the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub team: Option<String>,
    pub item: Option<ItemId>,
    pub field: Option<&'static str>,
}

impl Place {
    pub fn describe(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if let Some(team) = &self.team {
            parts.push(crate::tr!(lang, "place.team", name = team));
        }
        if let Some(item) = self.item {
            parts.push(crate::tr!(lang, "place.item", number = item.number()));
        }
        if let Some(field) = self.field {
            parts.push(lang.tr(&format!("field.{field}")));
        }
        parts.join(" / ")
    }
}

impl Project {
    /// Checks what the parser cannot see on its own: cross references and size limits.
    pub fn validate(&self) -> Result<(), (Problem, Place)> {
        use limits::{
            MAX_ACTIONS_PER_ITEM, MAX_KPIS_PER_ITEM, MAX_MEMBERS_PER_TEAM, MAX_TEAMS,
            MAX_TEXT_CHARS,
        };
        let nowhere = Place {
            team: None,
            item: None,
            field: None,
        };
        let too_many = |what, count: usize, max: usize| Problem::TooMany {
            what,
            count: count as u64,
            max: max as u64,
        };
        if self.teams.len() > MAX_TEAMS {
            return Err((
                too_many(Counted::Teams, self.teams.len(), MAX_TEAMS),
                nowhere,
            ));
        }
        let check_text = |text: &str, place: Place| {
            let chars = text.chars().count();
            if chars > MAX_TEXT_CHARS {
                Err((
                    Problem::TooLong {
                        chars: chars as u64,
                        max: MAX_TEXT_CHARS as u64,
                    },
                    place,
                ))
            } else {
                Ok(())
            }
        };
        let field = |team: Option<&Team>, item: Option<ItemId>, field: &'static str| Place {
            team: team.map(|t| t.name.clone()),
            item,
            field: Some(field),
        };
        let m = &self.meta;
        if let Some(agenda) = &m.agenda
            && !agenda.is_consistent()
        {
            let problem = Problem::InvalidAgenda {
                total: agenda.total_minutes.into(),
                sum: agenda.minutes.iter().map(|&m| u64::from(m)).sum(),
            };
            return Err((problem, field(None, None, "agenda")));
        }
        for (text, name) in [
            (&m.title, "title"),
            (&m.organization, "organization"),
            (&m.facilitator, "facilitator"),
            (&m.venue, "venue"),
            (&m.department, "department"),
            (&m.circulation.document_number, "document_number"),
        ] {
            check_text(text, field(None, None, name))?;
        }
        if let Some(baseline) = &self.baseline
            && baseline.teams.len() > MAX_TEAMS
        {
            return Err((
                too_many(Counted::BaselineTeams, baseline.teams.len(), MAX_TEAMS),
                nowhere,
            ));
        }
        for team in &self.teams {
            let at = |item: Option<ItemId>| Place {
                team: Some(team.name.clone()),
                item,
                field: None,
            };
            check_text(&team.name, field(Some(team), None, "team_name"))?;
            if team.members.len() > MAX_MEMBERS_PER_TEAM {
                let p = too_many(Counted::Members, team.members.len(), MAX_MEMBERS_PER_TEAM);
                return Err((p, at(None)));
            }
            for member in &team.members {
                check_text(&member.name, field(Some(team), None, "member_name"))?;
            }
            for (item, response) in team.responses.iter() {
                if response.actions.len() > MAX_ACTIONS_PER_ITEM {
                    let p = too_many(
                        Counted::Actions,
                        response.actions.len(),
                        MAX_ACTIONS_PER_ITEM,
                    );
                    return Err((p, at(Some(item))));
                }
                let mut voters = std::collections::HashSet::new();
                for vote in &response.votes {
                    if !team.members.iter().any(|m| m.id == vote.member) {
                        return Err((
                            Problem::UnknownVoter {
                                member: vote.member.into(),
                            },
                            at(Some(item)),
                        ));
                    }
                    if !voters.insert(vote.member) {
                        return Err((
                            Problem::DuplicateVote {
                                member: vote.member.into(),
                            },
                            at(Some(item)),
                        ));
                    }
                }
                for (text, name) in [
                    (&response.current_state, "current_state"),
                    (&response.ideas, "ideas"),
                    (&response.facilitator_note, "facilitator_note"),
                ] {
                    check_text(text, field(Some(team), Some(item), name))?;
                }
                for action in &response.actions {
                    check_text(&action.what, field(Some(team), Some(item), "action_what"))?;
                    check_text(&action.owner, field(Some(team), Some(item), "action_owner"))?;
                    if let Some(review) = &action.review {
                        check_text(&review.note, field(Some(team), Some(item), "review_note"))?;
                    }
                }
                if response.reasons.len() > limits::MAX_REASONS_PER_ITEM {
                    let p = too_many(
                        Counted::Reasons,
                        response.reasons.len(),
                        limits::MAX_REASONS_PER_ITEM,
                    );
                    return Err((p, at(Some(item))));
                }
                for reason in &response.reasons {
                    if let Some(member) = reason.member
                        && !team.members.iter().any(|m| m.id == member)
                    {
                        return Err((
                            Problem::UnknownVoter {
                                member: member.into(),
                            },
                            at(Some(item)),
                        ));
                    }
                    check_text(&reason.text, field(Some(team), Some(item), "reason"))?;
                }
                if let Some(anonymous) = response.anonymous_votes {
                    let total = anonymous.total() as usize;
                    if total > limits::MAX_ANONYMOUS_VOTES {
                        let p =
                            too_many(Counted::AnonymousVotes, total, limits::MAX_ANONYMOUS_VOTES);
                        return Err((p, at(Some(item))));
                    }
                }
                if response.kpis.len() > MAX_KPIS_PER_ITEM {
                    let p = too_many(Counted::Kpis, response.kpis.len(), MAX_KPIS_PER_ITEM);
                    return Err((p, at(Some(item))));
                }
                for kpi in &response.kpis {
                    for text in [
                        &kpi.indicator,
                        &kpi.unit,
                        &kpi.method,
                        &kpi.frequency,
                        &kpi.owner,
                    ] {
                        check_text(text, field(Some(team), Some(item), "kpi"))?;
                    }
                    let values = [kpi.baseline, kpi.target, kpi.previous, kpi.current];
                    if let Some(bad) = values.iter().flatten().find(|m| !m.value.is_finite()) {
                        return Err((
                            Problem::NotANumber(bad.value.to_string()),
                            field(Some(team), Some(item), "kpi"),
                        ));
                    }
                }
            }
        }
        Ok(())
    }
}
