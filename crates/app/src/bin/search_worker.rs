//! The search worker: the program Trunk builds as a Web Worker (`data-type="worker"` in
//! `index.html`), which holds the search index for the page (`clinic_app::search_worker`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    clinic_app::search_worker::serve();
}

/// The worker runs in the browser, started by the page.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("clinic-search-worker runs in the browser: build it with trunk (see README.md)");
    std::process::exit(2);
}
