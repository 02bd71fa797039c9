//! Reading settings: the model, where they are kept, and applying them to the document.

pub mod model;

use leptos::prelude::*;
use leptos_use::use_event_listener;

pub use model::{
    Align, Contrast, ReadingSettings, SystemPreferences, STORAGE_KEY, SYSTEM_WISHES, TEXT_SIZES,
};

use crate::storage;

/// The reader's settings, shared through context.
#[derive(Clone, Copy)]
pub struct ReadingSettingsContext {
    /// What the reader saved; `None` follows the operating system.
    saved: RwSignal<Option<String>>,
    current: Memo<ReadingSettings>,
}

impl ReadingSettingsContext {
    pub fn get(&self) -> ReadingSettings {
        self.current.get()
    }

    /// Applies a change and saves the result (in memory only when storage is blocked).
    pub fn update(&self, change: impl FnOnce(ReadingSettings) -> ReadingSettings) {
        let next = change(self.current.get_untracked()).serialize();
        storage::write(STORAGE_KEY, &next);
        self.saved.set(Some(next));
    }

    /// Back to the defaults, which follow the operating system again.
    pub fn reset(&self) {
        storage::remove(STORAGE_KEY);
        self.saved.set(None);
    }

    pub fn reduce_motion(&self) -> Signal<bool> {
        let current = self.current;
        Signal::derive(move || current.get().reduce_motion)
    }
}

/// The settings of this page, which the app provides once. Calling this outside the app is
/// a programming error: a second provider would apply its own settings to the same `<html>`.
pub fn use_reading_settings() -> ReadingSettingsContext {
    use_context().expect(
        "use_reading_settings() outside the app: call prefs::provide_reading_settings() first",
    )
}

/// Loads the saved settings, keeps `<html>`'s attributes in step with them, and provides them.
pub fn provide_reading_settings() -> ReadingSettingsContext {
    let wishes: Vec<(&str, Signal<bool>)> = SYSTEM_WISHES
        .iter()
        .map(|(query, _, _)| (*query, system_prefers(query)))
        .collect();
    let saved = RwSignal::new(storage::read(STORAGE_KEY));
    let current = Memo::new(move |_| {
        let system = SystemPreferences::new(|query| {
            wishes
                .iter()
                .any(|(wish, matches)| *wish == query && matches.get())
        });
        saved.with(|saved| match saved {
            Some(stored) => ReadingSettings::parse(stored, system),
            None => ReadingSettings::for_system(system),
        })
    });
    Effect::new(move |_| apply(&current.get()));
    let context = ReadingSettingsContext { saved, current };
    provide_context(context);
    context
}

/// Whether the operating system asks for `query`, following the reader's changes to it.
/// (leptos-use's `use_preferred_*` hooks do the same with 4 KiB more gzipped wasm.)
fn system_prefers(query: &str) -> Signal<bool> {
    if !cfg!(target_arch = "wasm32") {
        // A page rendered at build time has no system to ask.
        return Signal::stored(false);
    }
    let Some(list) = window().match_media(query).ok().flatten() else {
        return Signal::stored(false);
    };
    let matches = RwSignal::new(list.matches());
    let target = list.clone();
    let _ = use_event_listener(target, leptos::ev::change, move |_| {
        matches.set(list.matches())
    });
    matches.into()
}

/// Sets `data-<setting>` on `<html>`; the styles' token overrides key off these.
fn apply(settings: &ReadingSettings) {
    if let Some(root) = document().document_element() {
        for (name, value) in settings.attributes() {
            let _ = root.set_attribute(&format!("data-{name}"), &value);
        }
    }
}

#[cfg(test)]
mod tests {
    use leptos::prelude::Owner;

    #[test]
    #[should_panic(expected = "use_reading_settings() outside the app")]
    fn reading_the_settings_without_their_provider_is_a_programming_error() {
        Owner::new().with(super::use_reading_settings);
    }
}
