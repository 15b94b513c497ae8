use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::atomic::{AtomicU32, Ordering};

/// A child started in a process group of its own (so whatever it starts
/// goes with it); Drop (or [`ProcessGroup::kill`]) kills the whole group
/// and reaps the child.
pub struct ProcessGroup {
    child: Option<Child>,
}

impl ProcessGroup {
    /// Spawn `command` as the leader of a new process group.
    pub fn spawn(command: &mut Command) -> std::io::Result<ProcessGroup> {
        use std::os::unix::process::CommandExt;
        let child = command.process_group(0).spawn()?;
        Ok(ProcessGroup { child: Some(child) })
    }

    /// The child (to take its pipes, ask whether it exited).
    pub fn child(&mut self) -> &mut Child {
        self.child
            .as_mut()
            .expect("the group is alive until killed")
    }

    /// Kill the group now (once; Drop then does nothing).
    pub fn kill(mut self) {
        self.kill_now();
    }

    fn kill_now(&mut self) {
        if let Some(mut child) = self.child.take() {
            let group = child.id() as i32;
            // SAFETY: a signal to the process group we created.
            unsafe {
                libc::kill(-group, libc::SIGKILL);
            }
            let _ = child.wait();
        }
    }
}

impl Drop for ProcessGroup {
    fn drop(&mut self) {
        self.kill_now();
    }
}

/// A loopback port free right now (the kernel's pick, released at once).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A fresh, empty browser profile directory under the temporary directory
/// (`<prefix>-<pid>-<n>`). Drop kills every process whose command line
/// names it (Chromium may move helpers out of the driver's process group),
/// then deletes it.
pub struct Profile {
    path: PathBuf,
}

impl Profile {
    pub fn create(prefix: &str) -> std::io::Result<Profile> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let path = std::env::temp_dir().join(format!(
            "{prefix}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&path)?;
        Ok(Profile { path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Profile {
    fn drop(&mut self) {
        kill_processes_using(&self.path);
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Kill every process whose command line names `path` (a private profile
/// directory: only our browsers do).
pub fn kill_processes_using(path: &Path) {
    let needle = path.to_string_lossy().into_owned();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        if let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) {
            if String::from_utf8_lossy(&cmdline).contains(&needle) {
                // SAFETY: a signal to a process identified by our profile path.
                unsafe {
                    libc::kill(pid, libc::SIGKILL);
                }
            }
        }
    }
}

/// Whether a process with this id exists.
pub(crate) fn alive(pid: i32) -> bool {
    // SAFETY: signal 0 only asks whether the process exists.
    unsafe { libc::kill(pid, 0) == 0 }
}
