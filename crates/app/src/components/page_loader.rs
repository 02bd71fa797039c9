use leptos::prelude::*;

/// Shown while content loads. The same markup as the loader in `index.html`, so the swap from
/// one to the other does not move anything.
#[component]
pub fn PageLoader() -> impl IntoView {
    view! {
        <div class="page-loader" role="status">
            <span class="page-loader-spinner" aria-hidden="true"></span>
            <span>"Loading the article…"</span>
        </div>
    }
}
