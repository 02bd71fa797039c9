use leptos::prelude::*;
use leptos_use::use_event_listener;

use clinic_content::ids::MAIN_ID;

use crate::loading::fetch_build_problems;

/// What a reader sees when content could not be loaded: a plain explanation (that the device
/// is offline, when it is), a Retry button, and the technical details for the site's editors,
/// with the mistakes a development build (`trunk serve`) found in the content, such as a
/// Markdown article's, by file and line.
#[component]
pub fn LoadError(
    /// The errors caught by the surrounding `ErrorBoundary`.
    errors: ArcRwSignal<Errors>,
    /// Loads the content again.
    retry: Callback<()>,
    /// True while a retry is under way.
    retrying: Signal<bool>,
) -> impl IntoView {
    let details = move || {
        errors
            .get()
            .into_iter()
            .map(|(_, error)| view! { <li>{error.to_string()}</li> })
            .collect_view()
    };
    let build_problems = LocalResource::new(fetch_build_problems);
    let build_problems = move || {
        let problems = build_problems.get().unwrap_or_default();
        (!problems.is_empty()).then(|| {
            view! {
                <p>"The build found these mistakes in the content:"</p>
                <ul class="load-error-build-problems">
                    {problems
                        .into_iter()
                        .map(|problem| view! { <li>{problem}</li> })
                        .collect_view()}
                </ul>
            }
        })
    };
    let offline = RwSignal::new(!window().navigator().on_line());
    let _ = use_event_listener(window(), leptos::ev::online, move |_| offline.set(false));
    let _ = use_event_listener(window(), leptos::ev::offline, move |_| offline.set(true));
    view! {
        <main id=MAIN_ID class="load-error" tabindex="-1">
            <h1>"Sorry, this page could not be loaded"</h1>
            <p>
                {move || {
                    if offline.get() {
                        "You are offline, and this page has not been saved on this device yet. \
                         Connect to the internet, then press Retry."
                    } else {
                        "Please check your internet connection and try again. \
                         If it keeps happening, please call the clinic."
                    }
                }}
            </p>
            <button
                type="button"
                class="action action-primary"
                aria-disabled=move || retrying.get().then_some("true")
                on:click=move |_| {
                    if !retrying.get_untracked() {
                        retry.run(());
                    }
                }
            >
                "Retry"
            </button>
            <p class="load-error-status" role="status">
                {move || retrying.get().then_some("Trying again…")}
            </p>
            <details class="load-error-details">
                <summary>"Details for the site's editors"</summary>
                <ul>{details}</ul>
                {build_problems}
            </details>
        </main>
    }
}
