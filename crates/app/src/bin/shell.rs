//! The app's shell: the program that builds any page in the browser from the content files
//! (`clinic_app::mount_shell`). `boot.js` starts it on `app.html`, the not-found page and a
//! page pre-rendered for another address, and when a page's own app cannot adopt it.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    clinic_app::mount_shell();
}

/// The shell runs in the browser, started by `boot.js`.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("clinic-shell runs in the browser: build it with trunk (see README.md)");
    std::process::exit(2);
}
