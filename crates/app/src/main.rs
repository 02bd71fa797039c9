//! The app of a page pre-rendered for its address: it adopts the page in place
//! (`clinic_app::mount_page`), and leaves building a page from the content files to the
//! app's shell (`src/bin/shell.rs`), which `boot.js` starts where that is needed.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    clinic_app::mount_page();
}

/// The app runs in the browser; natively, the build pre-renders its pages (`finish-build`).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("clinic-article runs in the browser: build it with trunk (see README.md)");
    std::process::exit(2);
}
