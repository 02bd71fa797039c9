use leptos::html::Button;
use leptos::prelude::*;

use crate::words::use_words;
use clinic_content::ids::READING_SETTINGS_ID;
use clinic_content::words::Word;

/// Opens and closes the reading settings panel; its label never changes, `aria-expanded`
/// tells whether the panel is open.
#[component]
pub fn ReadingSettingsButton(open: RwSignal<bool>, node_ref: NodeRef<Button>) -> impl IntoView {
    view! {
        <button
            type="button"
            class="action reading-settings-button"
            node_ref=node_ref
            aria-expanded=move || open.get().to_string()
            aria-controls=READING_SETTINGS_ID
            on:click=move |_| open.update(|open| *open = !*open)
            on:keydown=move |event| {
                if event.key() == "Escape" && open.get_untracked() {
                    event.prevent_default();
                    open.set(false);
                }
            }
        >
            <span class="reading-settings-icon" aria-hidden="true">"Aa"</span>
            <span class="action-label">{use_words().text(Word::ReadingSettings)}</span>
        </button>
    }
}
