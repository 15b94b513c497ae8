//! The start-up, retry and kill guards against stand-in drivers (shell
//! scripts), so they are checked without a browser.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use webdriver_process::{Kind, Launch, Profile, PATIENCE};

fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write the script");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

fn alive(pid: i32) -> bool {
    // A killed child of the script is reparented and reaped; until then
    // /proc shows it as a zombie ("Z"), which counts as gone.
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|stat| {
            !stat
                .rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with('Z')
        })
        .unwrap_or(false)
}

/// One test, so that every script is written before anything is spawned
/// (a script still open for writing in a forked child cannot be run).
#[test]
fn drivers_are_retried_when_they_fail_and_their_group_dies_with_them() {
    let profile = Profile::create("webdriver-process-test").expect("profile");
    let dir = profile.path().to_owned();
    let broken = script(&dir, "broken", "echo \"broken driver $$\"; exit 3");
    let working = script(
        &dir,
        "working",
        "sleep 600 &\necho \"helper $!\"\necho \"ChromeDriver was started successfully on port 4444.\"\nwait",
    );

    // A driver that exits before naming its port: three fresh ones, then
    // an error saying what each printed.
    let error = match Launch::new(Kind::Chromedriver)
        .program(broken.to_string_lossy())
        .start()
    {
        Ok(_) => panic!("a broken driver started"),
        Err(error) => error,
    };
    assert_eq!(error.matches("broken driver").count(), 3, "{error}");
    assert!(
        error.contains("attempt 3") && error.contains("exited"),
        "{error}"
    );

    // A driver that names its port is up; dropping it kills what it started.
    let driver = Launch::new(Kind::Chromedriver)
        .program(working.to_string_lossy())
        .env("CORS_LAB_FAKE", "1")
        .start()
        .expect("the stand-in driver starts");
    assert_eq!(driver.port(), 4444);
    assert_eq!(driver.url(), "http://127.0.0.1:4444");
    let started = Instant::now();
    let helper = loop {
        let pid = driver
            .output()
            .all()
            .iter()
            .find_map(|line| line.strip_prefix("helper ")?.parse::<i32>().ok());
        if let Some(pid) = pid {
            break pid;
        }
        assert!(started.elapsed() < PATIENCE, "no helper pid printed");
        std::thread::sleep(Duration::from_millis(10));
    };
    assert!(alive(helper));
    drop(driver);
    let started = Instant::now();
    while alive(helper) {
        assert!(
            started.elapsed() < PATIENCE,
            "helper {helper} outlived its driver"
        );
        std::thread::sleep(Duration::from_millis(10));
    }

    drop(profile);
    assert!(!dir.exists(), "the profile was not deleted");
}
