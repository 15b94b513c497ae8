//! The `demo-server` binary: what it prints, how it stops, how it fails.

use std::process::Stdio;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader, Lines};
use tokio::process::{Child, ChildStdout, Command};
use tokio::time::timeout;

mod common;
use common::raw::{self, PATIENCE};

fn demo_server(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_demo-server"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("spawn demo-server")
}

#[tokio::test]
async fn prints_where_to_go_and_stops_on_sigterm() {
    let dist = tempfile::tempdir().expect("tempdir");
    let dist_arg = dist.path().to_str().expect("UTF-8 path");
    let mut child = demo_server(&[
        "--app-port",
        "0",
        "--api-port",
        "0",
        "--intranet-port",
        "0",
        "--dist",
        dist_arg,
        "--log-capacity",
        "10",
    ]);
    let mut stdout = stdout_lines(&mut child);
    let lines = banner(&mut stdout).await;
    let first = &lines[0];
    let port = first
        .strip_prefix("CORS Lab is running: open http://localhost:")
        .and_then(|rest| rest.strip_suffix('/'))
        .and_then(|port| port.parse::<u16>().ok())
        .unwrap_or_else(|| panic!("unexpected first line: {first:?}"));
    assert_ne!(port, 0);
    assert_eq!(lines.len(), 5, "{lines:#?}");
    for (line, origin) in lines[1..4].iter().zip(["app", "api", "intranet"]) {
        assert!(line.contains(&format!("{origin} origin:")), "{line}");
        assert!(line.contains("http://localhost:"), "{line}");
    }

    let pid = child.id().expect("pid").to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = timeout(PATIENCE, child.wait())
        .await
        .expect("exit in time")
        .expect("wait");
    assert!(status.success(), "{status:?}");
    let rest = timeout(PATIENCE, stdout.next_line())
        .await
        .expect("read in time")
        .expect("read");
    assert_eq!(rest.as_deref(), Some("CORS Lab stopped"));
}

#[tokio::test]
async fn a_taken_port_is_one_clear_line() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port().to_string();
    let mut child = demo_server(&[
        "--app-port",
        "0",
        "--api-port",
        "0",
        "--intranet-port",
        &port,
    ]);
    let status = timeout(PATIENCE, child.wait())
        .await
        .expect("exit in time")
        .expect("wait");
    assert_eq!(status.code(), Some(1));
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .await
        .expect("read");
    assert_eq!(
        stderr,
        format!(
            "demo-server: port {port} (intranet origin) is already in use: \
             stop the other program or pass --intranet-port\n"
        )
    );
}

/// The child's stdout, a line at a time.
fn stdout_lines(child: &mut Child) -> Lines<BufReader<ChildStdout>> {
    BufReader::new(child.stdout.take().expect("stdout")).lines()
}

/// Reads stdout lines until `Ctrl-C to stop`.
async fn banner(stdout: &mut Lines<BufReader<ChildStdout>>) -> Vec<String> {
    let mut lines = Vec::new();
    while lines
        .last()
        .is_none_or(|line: &String| line != "Ctrl-C to stop")
    {
        let line = timeout(PATIENCE, stdout.next_line())
            .await
            .expect("banner in time")
            .expect("read")
            .expect("banner before EOF");
        lines.push(line);
    }
    lines
}

#[tokio::test]
async fn classroom_mode_prints_the_students_and_the_instructors_addresses() {
    // `--lan` with `--host 127.0.0.1`: classroom mode, still on loopback.
    let dist = tempfile::tempdir().expect("tempdir");
    let dist_arg = dist.path().to_str().expect("UTF-8 path");
    let key = "room-b-instructor-key";
    let mut child = demo_server(&[
        "--lan",
        "--host",
        "127.0.0.1",
        "--app-port",
        "0",
        "--api-port",
        "0",
        "--intranet-port",
        "0",
        "--dist",
        dist_arg,
        "--instructor-key",
        key,
    ]);
    let lines = banner(&mut stdout_lines(&mut child)).await;
    let text = lines.join("\n");
    assert_eq!(
        lines[0], "CORS Lab is running in classroom mode, listening on 127.0.0.1",
        "{text}"
    );
    let after = |heading: &str| {
        let at = lines
            .iter()
            .position(|line| line.starts_with(heading))
            .unwrap_or_else(|| panic!("no {heading:?} in\n{text}"));
        lines[at + 1].trim().to_owned()
    };
    let student = after("Students open:");
    let port = student
        .strip_prefix("http://localhost:")
        .and_then(|rest| rest.strip_suffix('/'))
        .and_then(|port| port.parse::<u16>().ok())
        .unwrap_or_else(|| panic!("student URL {student:?}"));
    assert_ne!(port, 0);
    assert_eq!(
        after("Instructor"),
        format!("http://localhost:{port}/?instructor={key}")
    );
    assert!(text.contains("200 per learner (5000 in all)"), "{text}");
    assert!(text.contains("idle for 2 h"), "{text}");
    assert!(text.contains("only this machine can connect"), "{text}");
    // The server really is in classroom mode, and the key is the one printed.
    let answer = raw::get(
        ([127, 0, 0, 1], port).into(),
        &format!("/api/config?instructor={key}"),
        &[("Host", "localhost")],
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.head);
    assert!(
        answer.body.contains(r#""classroom":true"#),
        "{}",
        answer.body
    );
    assert!(
        answer.body.contains(r#""instructor":true"#),
        "{}",
        answer.body
    );
    let _ = child.start_kill();
}

#[tokio::test]
async fn classroom_flags_are_checked_before_listening() {
    // (flags, exit code, message)
    let cases: &[(&[&str], &str)] = &[
        (
            &["--instructor-key", "0123456789abcdef"],
            "demo-server: --instructor-key only makes sense in classroom mode (add --lan)\n",
        ),
        (
            &["--lan", "--host", "127.0.0.1", "--instructor-key", "short"],
            "demo-server: an instructor key needs 16 to 128 characters (got 5)\n",
        ),
        (
            &[
                "--lan",
                "--host",
                "127.0.0.1",
                "--instructor-key",
                "has spaces in it, see",
            ],
            "demo-server: an instructor key may only hold letters, digits, `-` and `_`\n",
        ),
    ];
    for &(flags, message) in cases {
        let mut child = demo_server(flags);
        let status = timeout(PATIENCE, child.wait())
            .await
            .expect("exit in time")
            .expect("wait");
        assert_eq!(status.code(), Some(2), "{flags:?}");
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut stderr)
            .await
            .expect("read");
        assert_eq!(stderr, message, "{flags:?}");
    }
}
