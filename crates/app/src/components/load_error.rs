use leptos::prelude::*;
use leptos_use::use_event_listener;

use clinic_content::ids::MAIN_ID;
use clinic_content::words::Word;

use crate::loading::fetch_build_problems;
use crate::words::use_words;

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
    let words = use_words();
    let details = move || {
        errors
            .get()
            .into_iter()
            .map(|(_, error)| view! { <li>{error.to_string()}</li> })
            .collect_view()
    };
    let build_problems = LocalResource::new(fetch_build_problems);
    let found_problems = words.text(Word::BuildProblems);
    let build_problems = move || {
        let problems = build_problems.get().unwrap_or_default();
        (!problems.is_empty()).then(|| {
            view! {
                <p>{found_problems.clone()}</p>
                <ul class="load-error-build-problems">
                    {problems
                        .into_iter()
                        .map(|problem| view! { <li>{problem}</li> })
                        .collect_view()}
                </ul>
            }
        })
    };
    let offline_text = words.text(Word::NotLoadedOffline);
    let online_text = words.text(Word::NotLoadedOnline);
    let trying_again = words.text(Word::TryingAgain);
    let offline = RwSignal::new(!window().navigator().on_line());
    let _ = use_event_listener(window(), leptos::ev::online, move |_| offline.set(false));
    let _ = use_event_listener(window(), leptos::ev::offline, move |_| offline.set(true));
    view! {
        <main id=MAIN_ID class="load-error" tabindex="-1">
            <h1>{words.text(Word::NotLoaded)}</h1>
            <p>
                {move || {
                    if offline.get() { offline_text.clone() } else { online_text.clone() }
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
                {words.text(Word::Retry)}
            </button>
            <p class="load-error-status" role="status">
                {move || retrying.get().then(|| trying_again.clone())}
            </p>
            <details class="load-error-details">
                <summary>{words.text(Word::DetailsForEditors)}</summary>
                <ul>{details}</ul>
                {build_problems}
            </details>
        </main>
    }
}
