use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance};

use crate::navigation::{reading_line, CurrentSection};

/// The elements whose text is read, in order; the table of contents is not read.
const READABLE: &str = "main :is(h1, h2, h3, p, li):not(nav *):not(.reading-settings *)";

/// Reads the article aloud with the browser's speech synthesis, from the section being read,
/// with pause and stop. Not shown where the browser cannot speak.
#[component]
pub fn ReadAloud() -> impl IntoView {
    let speaking = RwSignal::new(false);
    let paused = RwSignal::new(false);
    let current = use_context::<CurrentSection>();
    let start = move |_| {
        let Some(synth) = speech() else { return };
        synth.cancel();
        let start_id = current.and_then(|current| current.0.get_untracked());
        let texts = texts_from(start_id.as_deref());
        let count = texts.len();
        for (index, text) in texts.into_iter().enumerate() {
            let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&text) else {
                continue;
            };
            if index + 1 == count {
                let done = Closure::once_into_js(move || {
                    speaking.set(false);
                    paused.set(false);
                });
                utterance.set_onend(Some(done.unchecked_ref()));
            }
            synth.speak(&utterance);
        }
        speaking.set(count > 0);
        paused.set(false);
    };
    let pause = move |_| {
        let Some(synth) = speech() else { return };
        if !speaking.get_untracked() {
            return;
        }
        if paused.get_untracked() {
            synth.resume();
        } else {
            synth.pause();
        }
        paused.update(|paused| *paused = !*paused);
    };
    let stop = move |_| {
        if let Some(synth) = speech() {
            synth.cancel();
        }
        speaking.set(false);
        paused.set(false);
    };
    speech().is_some().then(|| {
        view! {
            <fieldset class="setting-group read-aloud">
                <legend>"Listen"</legend>
                <div class="setting-buttons">
                    <button
                        type="button"
                        class="action"
                        aria-pressed=move || speaking.get().to_string()
                        on:click=start
                    >
                        "Read aloud"
                    </button>
                    <button
                        type="button"
                        class="action"
                        aria-pressed=move || paused.get().to_string()
                        aria-disabled=move || (!speaking.get()).then_some("true")
                        on:click=pause
                    >
                        "Pause"
                    </button>
                    <button
                        type="button"
                        class="action"
                        aria-disabled=move || (!speaking.get()).then_some("true")
                        on:click=stop
                    >
                        "Stop"
                    </button>
                </div>
            </fieldset>
        }
    })
}

/// The browser's speech synthesis, if it has one.
fn speech() -> Option<SpeechSynthesis> {
    let window = window();
    let has_speech = js_sys::Reflect::has(&window, &JsValue::from_str("speechSynthesis"))
        .unwrap_or(false)
        && js_sys::Reflect::has(&window, &JsValue::from_str("SpeechSynthesisUtterance"))
            .unwrap_or(false);
    has_speech.then(|| window.speech_synthesis().ok()).flatten()
}

/// The text to read, a block at a time: from the heading `start_id` when the reader has
/// scrolled to it, otherwise from the top.
fn texts_from(start_id: Option<&str>) -> Vec<String> {
    let document = document();
    let start_id = start_id.filter(|id| {
        document
            .get_element_by_id(id)
            .is_some_and(|heading| heading.get_bounding_client_rect().top() <= reading_line())
    });
    let Ok(nodes) = document.query_selector_all(READABLE) else {
        return Vec::new();
    };
    let elements = (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok());
    let mut started = start_id.is_none();
    elements
        .filter(|element| {
            started = started || Some(element.id().as_str()) == start_id;
            started
        })
        .filter_map(|element| element.text_content())
        .map(|text| text.trim().to_string())
        .filter(|text| !text.is_empty())
        .collect()
}
