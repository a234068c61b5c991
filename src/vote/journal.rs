//! Every accepted ballot, on disk before the phone is told 「投票しました」: a journal in the
//! recovery folder, one line per change, flushed to the disk (`fsync`) before the answer goes out.
//! After a crash, `kill -9`, a closed terminal or a failed save, the next start of the window or
//! of `kizuki vote` on the same file finds it and offers the ballots back.
//!
//! A line holds one change ([`Entry`]: a ballot cast or changed, or withdrawn), a few dozen bytes,
//! so that a room voting at once writes little; reading a journal back keeps the last line of
//! each voter on each item. Ballots arriving together are written together with one flush (group
//! commit), so 300 phones voting at once wait for a few flushes, not 300.

use super::poll::{Entry, Revealed, Voter};
use crate::checklist::ItemId;
use crate::project::{Answer, Distribution, Reason, Vote};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// A journal file's name ends so.
pub const EXTENSION: &str = "kizuki-votes";

/// How long the writer waits for more ballots before it writes and flushes.
const GATHER: std::time::Duration = std::time::Duration::from_millis(1);

/// What a journal is about: the first line of the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// The project file the ballots belong to (absolute), if it was saved somewhere.
    pub project: Option<PathBuf>,
    /// The project's title, to name it when it was never saved.
    pub title: String,
    pub team: u32,
    pub team_name: String,
    pub anonymous: bool,
    /// When voting opened, RFC 3339.
    pub opened: String,
}

#[derive(Debug, Serialize, Deserialize)]
enum Line {
    Header(Header),
    Entry(Entry),
}

/// A journal found in the recovery folder, read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub file: PathBuf,
    pub header: Header,
    /// Each item's ballots as last journaled.
    pub items: Vec<Revealed>,
}

impl Found {
    /// How many ballots it holds in all.
    pub fn ballots(&self) -> usize {
        self.items.iter().map(Revealed::count).sum()
    }
}

/// Why a ballot could not be journaled (the phone is then told it was not saved, and the
/// facilitator where the journal is).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot write the journal {}: {kind}", path.display())]
pub struct JournalError {
    path: PathBuf,
    kind: std::io::ErrorKind,
}

impl JournalError {
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn kind(&self) -> std::io::ErrorKind {
        self.kind
    }
}

/// How the writer answers a line: once it is on the disk, or with why it is not.
type Reply = Box<dyn FnOnce(Result<(), std::io::ErrorKind>) + Send>;

/// Lines sent to the journal, to wait for.
pub struct Pending {
    path: PathBuf,
    answers: Vec<tokio::sync::oneshot::Receiver<Result<(), std::io::ErrorKind>>>,
    refused: Option<std::io::ErrorKind>,
}

impl Pending {
    /// Returns once every line is on the disk, or with why one is not.
    pub async fn wait(self) -> Result<(), JournalError> {
        let fail = |kind| JournalError {
            path: self.path.clone(),
            kind,
        };
        if let Some(kind) = self.refused {
            return Err(fail(kind));
        }
        for answer in self.answers {
            answer
                .await
                .unwrap_or(Err(std::io::ErrorKind::BrokenPipe))
                .map_err(fail)?;
        }
        Ok(())
    }
}

/// An open journal: lines go to a writer thread, which answers each once it is on the disk.
pub struct Journal {
    path: PathBuf,
    lines: Option<mpsc::Sender<(String, Reply)>>,
    writer: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Journal {
    /// Closes the file (and so its lock) before returning: the journal can be read or deleted
    /// right after.
    fn drop(&mut self) {
        self.lines = None;
        if let Some(writer) = self.writer.take() {
            let _ = writer.join();
        }
    }
}

impl Journal {
    /// Creates a new journal in `folder` for `header`.
    pub fn create(folder: &Path, header: Header) -> Result<Journal, JournalError> {
        let write_error = |path: &Path| {
            let path = path.to_owned();
            move |e: std::io::Error| JournalError {
                path,
                kind: e.kind(),
            }
        };
        std::fs::create_dir_all(folder).map_err(write_error(folder))?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let unique = super::token::Secrets::new()
            .map(|s| s.path_token()[..6].to_owned())
            .unwrap_or_default();
        let path = folder.join(format!("votes-{stamp}-{unique}.{EXTENSION}"));
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(write_error(&path))?;
        // Locked while it is written, so that another Kizuki (a second window, `kizuki vote`)
        // never offers the ballots of a vote still running.
        file.try_lock().map_err(|e| write_error(&path)(e.into()))?;
        let first = line(&Line::Header(header));
        file.write_all(first.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(write_error(&path))?;
        let (lines, receive) = mpsc::channel::<(String, Reply)>();
        let writer = std::thread::Builder::new()
            .name("kizuki-vote-journal".into())
            .spawn(move || write_lines(file, &receive))
            .map_err(write_error(&path))?;
        Ok(Journal {
            path,
            lines: Some(lines),
            writer: Some(writer),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn sender(&self) -> mpsc::Sender<(String, Reply)> {
        // Only `drop` takes the sender away; a closed channel answers every send with an error.
        self.lines.clone().unwrap_or_else(|| mpsc::channel().0)
    }

    /// Sends the items' ballots to the disk; the answer comes with [`Pending::wait`]. Sending is
    /// immediate, so a caller holding a lock keeps the journal in the order of its changes.
    pub fn submit(&self, entries: Vec<Entry>) -> Pending {
        let mut pending = Pending {
            path: self.path.clone(),
            answers: Vec::new(),
            refused: None,
        };
        for entry in entries {
            let (reply, answer) = tokio::sync::oneshot::channel();
            let line = line(&Line::Entry(entry));
            let reply: Reply = Box::new(move |result| {
                let _ = reply.send(result);
            });
            if self.sender().send((line, reply)).is_err() {
                pending.refused = Some(std::io::ErrorKind::BrokenPipe);
                break;
            }
            pending.answers.push(answer);
        }
        pending
    }

    /// As [`Self::submit`] and [`Pending::wait`], for a caller that is not async.
    pub fn record_now(&self, entries: Vec<Entry>) -> Result<(), JournalError> {
        let (reply, answer) = mpsc::channel();
        let fail = |kind| JournalError {
            path: self.path.clone(),
            kind,
        };
        let mut sent = 0;
        for entry in entries {
            let reply = reply.clone();
            let line = line(&Line::Entry(entry));
            let reply: Reply = Box::new(move |result| {
                let _ = reply.send(result);
            });
            self.sender()
                .send((line, reply))
                .map_err(|_| fail(std::io::ErrorKind::BrokenPipe))?;
            sent += 1;
        }
        for _ in 0..sent {
            answer
                .recv()
                .unwrap_or(Err(std::io::ErrorKind::BrokenPipe))
                .map_err(fail)?;
        }
        Ok(())
    }
}

fn line(line: &Line) -> String {
    // A line of plain data always serialises; the fallback keeps the journal readable anyway.
    let mut text = ron::to_string(line).unwrap_or_default();
    text.push('\n');
    text
}

/// The writer: takes every line waiting, writes them, flushes once, and answers them all.
fn write_lines(mut file: std::fs::File, lines: &mpsc::Receiver<(String, Reply)>) {
    while let Ok(first) = lines.recv() {
        // A moment for the ballots arriving with this one to join it: a room voting at once
        // then costs a few flushes, not one per phone (a flush takes far longer than this on
        // a busy disk), and a single vote waits a millisecond more.
        std::thread::sleep(GATHER);
        let mut batch = vec![first];
        batch.extend(lines.try_iter());
        let text: String = batch.iter().map(|(l, _)| l.as_str()).collect();
        let result = file
            .write_all(text.as_bytes())
            .and_then(|()| file.sync_data())
            .map_err(|e| e.kind());
        for (_, reply) in batch {
            reply(result);
        }
    }
}

/// Reads a journal back: its header and each item's last ballots. A last line cut short by a
/// crash is left out; a file that does not begin with a header is not a journal, and one still
/// being written (locked by its server) is not offered.
pub fn read(file: &Path) -> Option<Found> {
    let mut opened = std::fs::File::open(file).ok()?;
    opened.try_lock_shared().ok()?;
    let mut text = String::new();
    std::io::Read::read_to_string(&mut opened, &mut text).ok()?;
    let mut lines = text.lines();
    let Ok(Line::Header(header)) = ron::from_str(lines.next()?) else {
        return None;
    };
    // Each voter's last word on each item.
    let mut ballots: BTreeMap<(ItemId, Voter), (Answer, Option<String>)> = BTreeMap::new();
    for text in lines {
        match ron::from_str(text) {
            Ok(Line::Entry(Entry::Ballot {
                item,
                voter,
                answer,
                reason,
            })) => {
                ballots.insert((item, voter), (answer, reason));
            }
            Ok(Line::Entry(Entry::Withdrawn { item, voter })) => {
                ballots.remove(&(item, voter));
            }
            _ => {}
        }
    }
    let mut items: BTreeMap<ItemId, Revealed> = BTreeMap::new();
    for ((item, voter), (answer, reason)) in ballots {
        let revealed = items.entry(item).or_insert_with(|| Revealed {
            team: header.team,
            item,
            named: Vec::new(),
            anonymous: header.anonymous.then(Distribution::default),
            reasons: Vec::new(),
        });
        let member = match voter {
            Voter::Member(member) if !header.anonymous => {
                revealed.named.push(Vote { member, answer });
                Some(member)
            }
            _ => {
                if let Some(d) = &mut revealed.anonymous {
                    d.add(answer);
                }
                None
            }
        };
        if let Some(text) = reason {
            revealed.reasons.push(Reason {
                text,
                member,
                released: false,
                typed: false,
            });
        }
    }
    Some(Found {
        file: file.to_owned(),
        header,
        items: items
            .into_values()
            .map(|mut r| {
                r.reasons = Revealed::in_order(r.reasons);
                r
            })
            .collect(),
    })
}

/// Every journal in `folder` that holds at least one ballot, oldest first.
pub fn scan(folder: &Path) -> Vec<Found> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<Found> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == EXTENSION))
        .filter_map(|p| read(&p))
        .filter(|f| f.ballots() > 0)
        .collect();
    found.sort_by(|a, b| a.file.cmp(&b.file));
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::Level;

    fn header(anonymous: bool) -> Header {
        Header {
            project: Some(PathBuf::from("/somewhere/w.kizuki.ron")),
            title: "秋".into(),
            team: 1,
            team_name: "企画課".into(),
            anonymous,
            opened: "2026-11-26T10:00:00+09:00".into(),
        }
    }

    fn ballot(item: ItemId, voter: Voter, level: u8) -> Entry {
        Entry::Ballot {
            item,
            voter,
            answer: Answer::Level(Level::new(level).expect("level")),
            reason: None,
        }
    }

    fn vote(member: u32, level: u8) -> Vote {
        Vote {
            member,
            answer: Answer::Level(Level::new(level).expect("level")),
        }
    }

    #[test]
    fn a_journal_written_before_dont_know_existed_reads_back() {
        let dir = tempfile::tempdir().expect("dir");
        let journal = Journal::create(dir.path(), header(false)).expect("journal");
        let path = journal.path().to_owned();
        drop(journal);
        // As the journal wrote a ballot when it could only be a level.
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .expect("open")
            .write_all(b"Entry(Ballot(item:\"users\",voter:Member(2),level:4))\n")
            .expect("old line");
        let found = scan(dir.path());
        assert_eq!(found[0].items[0].named, vec![vote(2, 4)]);
    }

    #[test]
    fn the_last_word_of_each_voter_wins_and_a_torn_line_is_left_out() {
        let dir = tempfile::tempdir().expect("dir");
        let journal = Journal::create(dir.path(), header(false)).expect("journal");
        journal
            .record_now(vec![ballot(ItemId::Partners, Voter::Member(1), 2)])
            .expect("written");
        journal
            .record_now(vec![
                ballot(ItemId::Partners, Voter::Member(2), 4),
                ballot(ItemId::Users, Voter::Member(1), 5),
                ballot(ItemId::Partners, Voter::Member(1), 3),
                ballot(ItemId::JustTry, Voter::Member(3), 1),
                Entry::Withdrawn {
                    item: ItemId::JustTry,
                    voter: Voter::Member(3),
                },
            ])
            .expect("written");
        let path = journal.path().to_owned();
        assert!(
            scan(dir.path()).is_empty(),
            "a journal being written is not offered"
        );
        drop(journal);
        // A crash in the middle of a line.
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .expect("open")
            .write_all(b"Entry(Ballot(item:\"users\",vo")
            .expect("torn");
        let found = scan(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].header, header(false));
        let items: Vec<(ItemId, Vec<Vote>)> = found[0]
            .items
            .iter()
            .map(|r| (r.item, r.named.clone()))
            .collect();
        assert_eq!(
            items,
            vec![
                (ItemId::Partners, vec![vote(1, 3), vote(2, 4)]),
                (ItemId::Users, vec![vote(1, 5)]),
            ]
        );
        assert_eq!(found[0].ballots(), 3);
    }

    #[test]
    fn anonymous_ballots_come_back_as_a_distribution() {
        let dir = tempfile::tempdir().expect("dir");
        let journal = Journal::create(dir.path(), header(true)).expect("journal");
        assert!(scan(dir.path()).is_empty(), "nothing to offer back");
        journal
            .record_now(vec![
                ballot(ItemId::JustTry, Voter::Phone("a".into()), 1),
                ballot(ItemId::JustTry, Voter::Phone("b".into()), 3),
                ballot(ItemId::JustTry, Voter::Phone("c".into()), 3),
                Entry::Ballot {
                    item: ItemId::JustTry,
                    voter: Voter::Phone("d".into()),
                    answer: Answer::DontKnow,
                    reason: None,
                },
            ])
            .expect("written");
        drop(journal);
        let found = scan(dir.path());
        assert_eq!(
            found[0].items[0].anonymous,
            Some(Distribution {
                levels: [1, 0, 2, 0, 0],
                dont_know: 1
            })
        );
        assert!(found[0].items[0].named.is_empty(), "no names");
        std::fs::write(
            dir.path().join(format!("other.{EXTENSION}")),
            "not a journal",
        )
        .expect("write");
        assert_eq!(scan(dir.path()).len(), 1, "a stray file is no journal");
    }

    #[test]
    fn a_folder_that_cannot_be_written_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().expect("dir");
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "x").expect("write");
        let error = Journal::create(&blocker.join("recovery"), header(false))
            .err()
            .expect("refused");
        assert!(error.path().starts_with(&blocker));
    }
}
