//! Helpers shared by the end-to-end tests.

use std::path::Path;

use assert_cmd::Command;

/// The binary, run as an unprivileged user when the tests run as root (as CI does), so that
/// permission bits apply: root writes into read-only directories regardless.
pub fn roadmap_unprivileged() -> Command {
    let binary = assert_cmd::cargo::cargo_bin("roadmap");
    if is_root() && Path::new("/usr/bin/setpriv").exists() {
        let mut command = Command::new("/usr/bin/setpriv");
        command
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(binary);
        command
    } else {
        Command::new(binary)
    }
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.trim_ascii() == b"0")
}

/// A directory nobody may write into, inside a temporary directory anybody may enter.
#[cfg(unix)]
pub fn read_only_dir() -> (tempfile::TempDir, std::path::PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    // Not named `.tmp…`, so messages can be checked for leaked temporary file names.
    let dir = tempfile::Builder::new()
        .prefix("roadmap-test-")
        .tempdir()
        .unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let read_only = dir.path().join("read-only");
    std::fs::create_dir(&read_only).unwrap();
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o555)).unwrap();
    (dir, read_only)
}
