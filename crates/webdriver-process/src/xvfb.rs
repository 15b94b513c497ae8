use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::group::{alive, ProcessGroup};
use crate::PATIENCE;

/// An X display (for WebKitGTK), on a free display number; Drop kills the
/// server and removes its socket and lock.
pub struct Xvfb {
    server: Option<ProcessGroup>,
    number: u32,
}

impl Xvfb {
    pub fn start() -> Result<Xvfb, String> {
        // Browsers start in parallel: one at a time picks a number and waits
        // for its server, so none takes (or cleans up) another's display.
        static PICKING: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let _picking = PICKING.lock().unwrap_or_else(|e| e.into_inner());
        for number in 90..200 {
            let (socket, lock) = display_files(number);
            if lock.exists() && !stale(&lock) {
                continue;
            }
            // A display whose server is gone (killed before it could clean up).
            let _ = std::fs::remove_file(&socket);
            let _ = std::fs::remove_file(&lock);
            let mut server = ProcessGroup::spawn(
                Command::new("Xvfb")
                    .args([
                        format!(":{number}").as_str(),
                        "-screen",
                        "0",
                        "1280x1024x24",
                        "-nolisten",
                        "tcp",
                    ])
                    .stdout(Stdio::null())
                    .stderr(Stdio::null()),
            )
            .map_err(|e| format!("cannot start Xvfb: {e} (install xvfb)"))?;
            let started = Instant::now();
            while started.elapsed() < PATIENCE {
                if socket.exists() {
                    return Ok(Xvfb {
                        server: Some(server),
                        number,
                    });
                }
                if let Ok(Some(_)) = server.child().try_wait() {
                    break; // lost the race for this number: try the next
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            server.kill();
        }
        Err("no free X display for Xvfb".to_owned())
    }

    /// The display's name, for `DISPLAY` (`:93`).
    pub fn display(&self) -> String {
        format!(":{}", self.number)
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.kill();
        }
        // Killed outright, Xvfb leaves its socket and lock behind.
        let (socket, lock) = display_files(self.number);
        let _ = std::fs::remove_file(socket);
        let _ = std::fs::remove_file(lock);
    }
}

/// The X socket and lock file of display `number`.
fn display_files(number: u32) -> (PathBuf, PathBuf) {
    (
        PathBuf::from(format!("/tmp/.X11-unix/X{number}")),
        PathBuf::from(format!("/tmp/.X{number}-lock")),
    )
}

/// Whether a display's lock names a process that no longer runs.
fn stale(lock: &std::path::Path) -> bool {
    let Some(pid) = std::fs::read_to_string(lock)
        .ok()
        .and_then(|text| text.trim().parse::<i32>().ok())
    else {
        return false;
    };
    !alive(pid)
}
