#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    clinic_app::mount();
}

/// The app runs in the browser; natively, the build pre-renders its pages (`finish-build`).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("clinic-article runs in the browser: build it with trunk (see README.md)");
    std::process::exit(2);
}
