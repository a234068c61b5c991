//! A real browser votes: headless Chromium (Debian's `chromium` and `chromium-driver`) at a
//! phone's size opens the page `kizuki vote` serves on 127.0.0.1, taps a name and a level, and
//! the project file then holds the vote. The `WebDriver` protocol is spoken directly over HTTP (a handful of
//! JSON requests), so no browser-automation crate is needed.
//!
//! `.ci/run` installs both packages. Where they are missing the test fails and says so; set
//! `KIZUKI_SKIP_BROWSER_TEST=1` to skip it on a machine without a browser.

mod common;

use common::http::request;
use kizuki::checklist::ItemId;
use kizuki::project::{Answer, sample_project};
use serde_json::{Value, json};
use std::io::BufRead;
use std::net::{SocketAddr, TcpListener};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A child process killed when the test ends, however it ends.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// One `WebDriver` call: JSON in, the `value` of the JSON out.
fn webdriver(driver: SocketAddr, method: &str, path: &str, body: &Value) -> Value {
    let bytes = if method == "GET" || method == "DELETE" {
        Vec::new()
    } else {
        body.to_string().into_bytes()
    };
    let reply = request_json(driver, method, path, &bytes);
    let value: Value = serde_json::from_str(&reply).unwrap_or(Value::Null);
    value.get("value").cloned().unwrap_or(Value::Null)
}

fn request_json(addr: SocketAddr, method: &str, path: &str, body: &[u8]) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).expect("chromedriver answers");
    stream
        .set_read_timeout(Some(Duration::from_mins(1)))
        .expect("timeout");
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).expect("request");
    stream.write_all(body).expect("body");
    // chromedriver keeps the connection open whatever the request says: read the headers, then
    // exactly Content-Length bytes.
    let mut reader = std::io::BufReader::new(stream);
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    let _ = reader.read_exact(&mut body);
    String::from_utf8_lossy(&body).into_owned()
}

fn element(driver: SocketAddr, session: &str, css: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let found = webdriver(
            driver,
            "POST",
            &format!("/session/{session}/element"),
            &json!({ "using": "css selector", "value": css }),
        );
        if let Some(id) = found
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
        {
            return id.to_owned();
        }
        assert!(Instant::now() < deadline, "no element {css}: {found}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The system's Chromium, or `None` when the browser tests are switched off
/// (`KIZUKI_SKIP_BROWSER_TEST`).
fn chromium() -> Option<&'static str> {
    if std::env::var_os("KIZUKI_SKIP_BROWSER_TEST").is_some() {
        eprintln!("skipped: KIZUKI_SKIP_BROWSER_TEST is set");
        return None;
    }
    let found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .expect("Chromium is installed (apt-get install chromium chromium-driver)");
    Some(found)
}

/// Headless Chromium with its own `profile` opening the local file `page`, with `args` besides
/// (print it, dump its DOM, a window size).
fn headless(
    chromium: &str,
    profile: &std::path::Path,
    args: &[String],
    page: &std::path::Path,
) -> std::process::Output {
    Command::new(chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu"])
        .args(args)
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs")
}

#[test]
fn a_phone_sized_browser_votes_by_tapping_and_the_file_holds_the_vote() {
    let Some(chromium) = chromium() else {
        return;
    };

    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("w.kizuki.ron");
    let project = sample_project();
    let member = project.teams[0].members[0].clone();
    let mut next = project.next_round(chrono::Local::now().fixed_offset());
    next.teams[0].responses[ItemId::Partners].votes.clear();
    kizuki::file::save(&next, &file).expect("save");

    let mut vote = Killed(
        Command::new(env!("CARGO_BIN_EXE_kizuki"))
            .args([
                "vote",
                file.to_str().expect("path"),
                "--team",
                &project.teams[0].name,
                "--item",
                "partners",
                "--bind",
                "127.0.0.1:0",
                "--lang",
                "ja",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("kizuki vote starts"),
    );
    let mut first = String::new();
    let mut stdout = std::io::BufReader::new(vote.0.stdout.take().expect("stdout"));
    stdout.read_line(&mut first).expect("the URL");
    let url = first.trim().to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");

    let port = free_port();
    let _driver = Killed(
        Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver is installed (apt-get install chromium-driver)"),
    );
    let driver: SocketAddr = format!("127.0.0.1:{port}").parse().expect("addr");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(driver).is_err()
        || request(driver, "GET", "/status", "", b"").status != 200
    {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(100));
    }

    let session = webdriver(
        driver,
        "POST",
        "/session",
        &json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--lang=ja", "--no-first-run"],
                "prefs": { "intl.accept_languages": "ja,en" },
                "mobileEmulation": {
                    "deviceMetrics": { "width": 390, "height": 844, "pixelRatio": 2.0 },
                    "userAgent": "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Mobile Safari/537.36"
                }
            }
        }}}),
    );
    let session = session["sessionId"]
        .as_str()
        .unwrap_or_else(|| panic!("a browser session: {session}"))
        .to_owned();

    webdriver(
        driver,
        "POST",
        &format!("/session/{session}/url"),
        &json!({ "url": url }),
    );
    let script = |code: &str| {
        webdriver(
            driver,
            "POST",
            &format!("/session/{session}/execute/sync"),
            &json!({ "script": code, "args": [] }),
        )
    };
    // Taps the element `css` finds, as a thumb would.
    let tap = |css: &str| {
        let found = element(driver, &session, css);
        webdriver(
            driver,
            "POST",
            &format!("/session/{session}/element/{found}/click"),
            &json!({}),
        );
    };
    // At 390×844, in single-item named voting, all five levels show without scrolling, and the
    // language link is a target a thumb can hit.
    element(driver, &session, "button[name=level][value=\"5\"]");
    let bottom = script(
        "return document.querySelector('button[name=level][value=\"5\"]') \
         .getBoundingClientRect().bottom;",
    );
    let height = script("return window.innerHeight;");
    assert!(
        bottom
            .as_f64()
            .zip(height.as_f64())
            .is_some_and(|(b, h)| b <= h),
        "level 5 ends at {bottom}, the screen at {height}"
    );
    let link = script(
        "const r = document.querySelector('nav.lang a').getBoundingClientRect(); \
         return Math.min(r.width, r.height);",
    );
    assert!(
        link.as_f64().is_some_and(|s| s >= 44.0),
        "the language link: {link} px"
    );
    // WCAG 2.1 AA (JIS X 8341-3), as axe-core checks it: the page before and after a vote.
    let axe = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/axe/axe.min.js"))
        .expect("axe-core is kept in tests/axe");
    let audit = |when: &str| {
        script(&format!("{axe}\nreturn true;"));
        let found = webdriver(
            driver,
            "POST",
            &format!("/session/{session}/execute/async"),
            &json!({
                "script": "const done = arguments[arguments.length - 1]; \
                    axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }) \
                    .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' (' + \
                    v.nodes.map(n => n.target.join(' ')).join(', ') + ')')));",
                "args": []
            }),
        );
        let violations: Vec<String> = found.as_array().map_or_else(
            || vec![format!("axe did not run: {found}")],
            |list| {
                list.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            },
        );
        assert!(violations.is_empty(), "{when}: {violations:#?}");
    };
    audit("the page as opened");
    // The name is chosen from a list whose first entry names nobody.
    let blank = element(driver, &session, "select[name=member] option[value=\"\"]");
    let chosen =
        script("return document.querySelector('select[name=member]').selectedOptions[0].value;");
    assert_eq!(
        chosen.as_str(),
        Some(""),
        "nobody's name is chosen by itself ({blank})"
    );
    tap(&format!(
        "select[name=member] option[value=\"{}\"]",
        member.name
    ));
    tap("button[name=level][value=\"3\"]");
    // The form posts, and the page it redirects to says so: wait for it.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let source = webdriver(
            driver,
            "GET",
            &format!("/session/{session}/source"),
            &json!({}),
        );
        if source.as_str().is_some_and(|s| s.contains("投票しました")) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no confirmation on the phone: {source}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let address = script("return location.search;");
    assert!(
        address
            .as_str()
            .is_some_and(|a| a.contains("done=partners")),
        "a reload shows the page, it does not send the vote again: {address}"
    );
    audit("the page after a vote");
    // A change of mind: 「わからない」, below the five, is an answer like them.
    tap("button[name=level][value=\"dont_know\"]");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !script("return document.querySelector('p.mine')?.textContent ?? '';")
        .as_str()
        .is_some_and(|s| s.contains("わからない"))
    {
        assert!(
            Instant::now() < deadline,
            "the phone does not show the new answer"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let marked = script(
        "const b = document.querySelector('button[value=\"dont_know\"]'); \
         return b.classList.contains('chosen') && b.getAttribute('aria-pressed') === 'true';",
    );
    assert_eq!(marked.as_bool(), Some(true), "the chosen answer is marked");
    audit("the page after 「わからない」");
    // A reason with the vote, typed and sent with the keyboard's Enter: it sends the reason,
    // and never presses a level.
    let field = element(driver, &session, "input[name=reason]");
    webdriver(
        driver,
        "POST",
        &format!("/session/{session}/element/{field}/value"),
        &json!({ "text": "財政の担当ではないので\u{E007}" }),
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while !script("return document.querySelector('p.ok')?.textContent ?? '';")
        .as_str()
        .is_some_and(|s| s.contains("理由を受け取りました"))
    {
        assert!(Instant::now() < deadline, "the reason was not confirmed");
        std::thread::sleep(Duration::from_millis(100));
    }
    let kept = script("return document.querySelector('input[name=reason]').value;");
    assert_eq!(kept.as_str(), Some("財政の担当ではないので"), "shown back");
    audit("the page after a reason");
    // The page fits a phone: nothing wider than the screen.
    let width = script("return document.documentElement.scrollWidth;");
    assert!(
        width.as_f64().is_some_and(|w| w <= 390.0),
        "scroll width {width}"
    );
    if let Some(out) = std::env::var_os("KIZUKI_PHONE_SCREENSHOT") {
        let shot = webdriver(
            driver,
            "GET",
            &format!("/session/{session}/screenshot"),
            &json!({}),
        );
        if let Some(data) = shot.as_str() {
            std::fs::write(&out, decode_base64(data)).expect("screenshot written");
        }
    }
    webdriver(driver, "DELETE", &format!("/session/{session}"), &json!({}));

    drop(vote.0.stdin.take()); // Ctrl+D: reveal and save
    let status = vote.0.wait().expect("exits");
    assert!(status.success());
    let saved = kizuki::file::load(&file).expect("loads");
    let response = &saved.teams[0].responses[ItemId::Partners];
    assert_eq!(
        response.vote_of(member.id),
        Some(Answer::DontKnow),
        "the file holds the last answer, not a level pressed by Enter"
    );
    assert_eq!(
        response.reasons,
        vec![kizuki::project::Reason {
            text: "財政の担当ではないので".into(),
            member: Some(member.id),
            released: false,
            typed: false,
        }],
        "and its reason, waiting for the facilitator"
    );
}

/// Standard base64, for the screenshot `WebDriver` sends.
fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::new();
    let mut bits = 0u32;
    let mut held = 0;
    for c in text.bytes().filter_map(value) {
        bits = (bits << 6) | u32::from(c);
        held += 6;
        if held >= 8 {
            held -= 8;
            out.push((bits >> held) as u8);
        }
    }
    out
}

/// The HTML report printed from a browser (what a 係長 does with a mailed report): no more pages
/// than the PDF plus one, with the chart, the scores and the main actions on page 1.
#[test]
fn the_html_report_prints_like_the_pdf() {
    let Some(chromium) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let pages = |pdf: &std::path::Path| {
        let info = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
        String::from_utf8_lossy(&info.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse::<usize>().ok())
            .expect("a page count")
    };
    for lang in [kizuki::Lang::Ja, kizuki::Lang::En] {
        let options = kizuki::export::ExportOptions::new(
            lang,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("date"),
        );
        let render =
            |format| kizuki::export::render(&sample_project(), format, &options).expect("renders");
        let html = dir.path().join(format!("r-{}.html", lang.code()));
        let pdf = dir.path().join(format!("r-{}.pdf", lang.code()));
        let printed = dir.path().join(format!("printed-{}.pdf", lang.code()));
        std::fs::write(&html, render(kizuki::export::Format::Html)).expect("html");
        std::fs::write(&pdf, render(kizuki::export::Format::Pdf)).expect("pdf");
        let out = headless(
            chromium,
            &dir.path().join(format!("profile-{}", lang.code())),
            &[
                "--no-pdf-header-footer".to_owned(),
                format!("--print-to-pdf={}", printed.display()),
            ],
            &html,
        );
        assert!(printed.exists(), "{}", String::from_utf8_lossy(&out.stderr));
        let (ours, browsers) = (pages(&pdf), pages(&printed));
        assert!(
            browsers <= ours + 1,
            "{lang:?}: printed HTML {browsers} pages, PDF {ours}"
        );
        let first = Command::new("pdftotext")
            .args(["-f", "1", "-l", "1"])
            .arg(&printed)
            .arg("-")
            .output()
            .expect("pdftotext");
        let first = String::from_utf8_lossy(&first.stdout);
        let main_actions = match lang {
            kizuki::Lang::Ja => "主なアクション",
            kizuki::Lang::En => "Main actions",
        };
        assert!(first.contains(main_actions), "{lang:?} page 1: {first}");
    }
}

/// What a phone shows of the HTML report (a report opened from a mail): at 390 px, no date, no
/// English date and no score change 「2 → 4（+1）」 is broken across two lines. Measured where
/// the browser actually breaks (the line boxes of each match), not in the markup.
#[test]
fn the_html_report_on_a_phone_never_breaks_a_date_or_a_score() {
    // Finds every date and score change in the page's text and asks the browser on how many
    // lines each one is laid out; the answer goes into the page, which Chromium then prints.
    const MEASURE: &str = r"<script>
(() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  // The page's text, with a line break between blocks (cells, items) so that no match runs
  // from one cell into the next.
  const nodes = []; let text = ''; let block = null;
  while (walker.nextNode()) {
    const n = walker.currentNode;
    if (n.parentElement.closest('script, style')) continue;
    const here = n.parentElement.closest('td, th, dd, dt, p, li, h1, h2, h3, h4, div');
    if (here !== block) { text += '\n'; block = here; }
    nodes.push([n, text.length]); text += n.data;
  }
  const place = (offset, range, start) => {
    for (const [n, s] of nodes) {
      if (offset >= s && offset <= s + n.data.length && (start ? offset < s + n.data.length : true)) {
        start ? range.setStart(n, offset - s) : range.setEnd(n, offset - s); return;
      }
    }
  };
  const patterns = [/令和\d+年（\d+年）\d+月\d+日/g, /令和\d+年\d+月\d+日/g, /\d{4}\/\d{1,2}\/\d{1,2}/g,
    /\d+ → \d+(（[^）]*）| \([^)]*\))?/g,
    /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/g];
  const checked = [], broken = [];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const range = document.createRange();
      place(m.index, range, true); place(m.index + m[0].length, range, false);
      const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
      if (rects.length === 0) continue;
      checked.push(m[0]);
      const first = rects.reduce((a, b) => (a.top <= b.top ? a : b));
      if (rects.some(r => r.top >= first.bottom - 1)) broken.push(m[0]);
    }
  }
  const out = document.createElement('pre');
  out.id = 'measured';
  out.textContent = JSON.stringify({ checked, broken });
  document.body.appendChild(out);
})();
</script></body>";
    let Some(chromium) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    for lang in [kizuki::Lang::Ja, kizuki::Lang::En] {
        let mut project = sample_project();
        // A long venue and a date written out make the meta list wrap where dates sit.
        project.meta.venue = "市役所本庁舎 3階 大会議室（北側）".to_owned();
        let options = kizuki::export::ExportOptions::new(
            lang,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
        );
        let html = kizuki::export::render(&project, kizuki::export::Format::Html, &options)
            .expect("renders");
        let html = String::from_utf8(html).expect("utf-8");
        assert!(html.contains("</body>"), "a body");
        let page = dir.path().join(format!("r-{}.html", lang.code()));
        std::fs::write(&page, html.replace("</body>", MEASURE)).expect("page");
        let out = headless(
            chromium,
            &dir.path().join(format!("profile-{}", lang.code())),
            &["--window-size=390,844".to_owned(), "--dump-dom".to_owned()],
            &page,
        );
        let dom = String::from_utf8_lossy(&out.stdout);
        let measured = dom
            .split_once("<pre id=\"measured\">")
            .and_then(|(_, rest)| rest.split_once("</pre>"))
            .map_or_else(
                || {
                    panic!(
                        "{lang:?}: no measurement: {}",
                        String::from_utf8_lossy(&out.stderr)
                    )
                },
                |(json, _)| json,
            );
        let measured: Value = serde_json::from_str(measured).expect("json");
        let count = |key: &str| measured[key].as_array().map_or(0, Vec::len);
        // The sample's report holds dates (made, workshop, due) and score changes in every table.
        assert!(
            count("checked") >= 10,
            "{lang:?}: too few found: {measured}"
        );
        assert_eq!(
            count("broken"),
            0,
            "{lang:?}: broken across lines: {measured}"
        );
    }
}
