use leptos::html::{Button, Section};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use clinic_content::ids::{READING_SETTINGS_ID, READING_SETTINGS_TITLE_ID};

use crate::components::ReadAloud;
use crate::prefs::{use_reading_settings, Align, Contrast, ReadingSettings};
use crate::words::use_words;
use clinic_content::words::{fill, Word};

/// The on/off settings: label, whether it is on, and the settings with it flipped.
type Toggle = (
    Word,
    fn(&ReadingSettings) -> bool,
    fn(ReadingSettings) -> ReadingSettings,
);
const TOGGLES: [Toggle; 4] = [
    (
        Word::TextSpacing,
        |s| s.wide_spacing,
        |s| ReadingSettings {
            wide_spacing: !s.wide_spacing,
            ..s
        },
    ),
    (
        Word::ReadableFont,
        |s| s.readable_font,
        |s| ReadingSettings {
            readable_font: !s.readable_font,
            ..s
        },
    ),
    (
        Word::HighlightLinks,
        |s| s.highlight_links,
        |s| ReadingSettings {
            highlight_links: !s.highlight_links,
            ..s
        },
    ),
    (
        Word::ReduceMotion,
        |s| s.reduce_motion,
        |s| ReadingSettings {
            reduce_motion: !s.reduce_motion,
            ..s
        },
    ),
];

/// The reading settings: contrast, text size, alignment, spacing, font, link highlighting,
/// motion and read-aloud. Changes apply at once and are remembered. Escape closes the panel
/// and returns focus to its button. Its controls are built when it first opens: most readers
/// never do, and the first paint should not wait for them.
#[component]
pub fn ReadingSettingsPanel(open: RwSignal<bool>, button: NodeRef<Button>) -> impl IntoView {
    let ever_opened =
        Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || open.get());
    let panel = NodeRef::<Section>::new();
    let close = move || {
        open.set(false);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    };
    view! {
        <section
            node_ref=panel
            id=READING_SETTINGS_ID
            class="reading-settings"
            aria-labelledby=READING_SETTINGS_TITLE_ID
            hidden=move || !open.get()
            on:keydown=move |event| {
                if event.key() == "Escape" {
                    event.prevent_default();
                    close();
                }
            }
            // The panel lies over the page: when focus moves on past it, it closes, so the
            // focused element is never hidden underneath.
            on:focusout=move |event| {
                let moved_to = event
                    .related_target()
                    .and_then(|target| target.dyn_into::<web_sys::Node>().ok());
                let stays = |node: &web_sys::Node| {
                    panel.get_untracked().is_some_and(|panel| panel.contains(Some(node)))
                        || button.get_untracked().is_some_and(|button| button.is_same_node(Some(node)))
                };
                if moved_to.is_some_and(|node| !stays(&node)) {
                    open.set(false);
                }
            }
        >
            <Show when=move || ever_opened.get()>
                <ReadingSettingsControls close=Callback::new(move |()| close()) />
            </Show>
        </section>
    }
}

/// The panel's title, its controls and its actions.
#[component]
fn ReadingSettingsControls(close: Callback<()>) -> impl IntoView {
    let settings = use_reading_settings();
    let words = use_words();
    view! {
        <h2 id=READING_SETTINGS_TITLE_ID class="reading-settings-title">
            {words.text(Word::ReadingSettings)}
        </h2>
        <div class="reading-settings-groups">
            <ChoiceGroup
                legend=Word::ColorContrast
                name="contrast"
                choices=vec![
                    (Contrast::Default, Word::ContrastDefault),
                    (Contrast::High, Word::ContrastHigh),
                    (Contrast::Dark, Word::ContrastDark),
                ]
                selected=Signal::derive(move || settings.get().contrast)
                select=Callback::new(move |contrast| {
                    settings.update(|s| ReadingSettings { contrast, ..s })
                })
            />
            <TextSize />
            <ChoiceGroup
                legend=Word::TextAlign
                name="align"
                choices=vec![
                    (Align::Start, Word::AlignStart),
                    (Align::Center, Word::AlignCenter),
                    (Align::End, Word::AlignEnd),
                ]
                selected=Signal::derive(move || settings.get().align)
                select=Callback::new(move |align| settings.update(|s| ReadingSettings { align, ..s }))
            />
            <fieldset class="setting-group">
                <legend>{words.text(Word::EasierReading)}</legend>
                <div class="setting-buttons">
                    {TOGGLES
                        .into_iter()
                        .map(|(label, read, flip)| {
                            view! {
                                <SettingToggle
                                    label
                                    on=Signal::derive(move || read(&settings.get()))
                                    toggle=Callback::new(move |()| settings.update(flip))
                                />
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <ReadAloud />
        </div>
        <div class="reading-settings-actions">
            <button type="button" class="action" on:click=move |_| settings.reset()>
                {words.text(Word::ResetToDefaults)}
            </button>
            <button type="button" class="action" on:click=move |_| close.run(())>
                {words.text(Word::Close)}
            </button>
        </div>
    }
}

/// A group of radio buttons: one choice of several.
#[component]
fn ChoiceGroup<T>(
    legend: Word,
    /// The radio group's form name.
    name: &'static str,
    choices: Vec<(T, Word)>,
    selected: Signal<T>,
    select: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let words = use_words();
    view! {
        <fieldset class="setting-group">
            <legend>{words.text(legend)}</legend>
            <div class="setting-choices">
                {choices
                    .into_iter()
                    .map(|(choice, label)| {
                        view! {
                            <label class="setting-choice">
                                <input
                                    type="radio"
                                    name=name
                                    prop:checked=move || selected.get() == choice
                                    on:change=move |_| select.run(choice)
                                />
                                {words.text(label)}
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// A setting that is on or off: a button whose `aria-pressed` says which.
#[component]
fn SettingToggle(label: Word, on: Signal<bool>, toggle: Callback<()>) -> impl IntoView {
    view! {
        <button
            type="button"
            class="action setting-toggle"
            aria-pressed=move || on.get().to_string()
            on:click=move |_| toggle.run(())
        >
            {use_words().text(label)}
        </button>
    }
}

/// "Smaller text" and "Bigger text", with the size between them.
#[component]
fn TextSize() -> impl IntoView {
    let settings = use_reading_settings();
    let words = use_words();
    let percent = words.text(Word::Percent);
    view! {
        <fieldset class="setting-group">
            <legend>{words.text(Word::TextSize)}</legend>
            <div class="setting-buttons text-size">
                <TextSizeStep
                    label=Word::SmallerText
                    possible=ReadingSettings::can_shrink_text
                    step=ReadingSettings::smaller_text
                />
                // Announced whole ("Text size 120%"), shown as the number beside its buttons.
                <output class="text-size-value" aria-live="polite">
                    <span class="visually-hidden">{format!("{} ", words.get(Word::TextSize))}</span>
                    {move || fill(&percent, &[("percent", &settings.get().text_size.to_string())])}
                </output>
                <TextSizeStep
                    label=Word::BiggerText
                    possible=ReadingSettings::can_grow_text
                    step=ReadingSettings::bigger_text
                />
            </div>
        </fieldset>
    }
}

/// One step of the text size; `aria-disabled` (still focusable) at the end of the range.
#[component]
fn TextSizeStep(
    label: Word,
    possible: fn(&ReadingSettings) -> bool,
    step: fn(ReadingSettings) -> ReadingSettings,
) -> impl IntoView {
    let settings = use_reading_settings();
    view! {
        <button
            type="button"
            class="action"
            aria-disabled=move || (!possible(&settings.get())).then_some("true")
            on:click=move |_| {
                if possible(&settings.get()) {
                    settings.update(step);
                }
            }
        >
            {use_words().text(label)}
        </button>
    }
}
