//! The JSON Schema of `roadmap.toml`, generated from the raw model so the two never drift apart.
//!
//! Editors (Even Better TOML / taplo) validate and complete TOML against it: TOML dates reach the
//! schema as strings, which is also the other way the loader accepts them.

use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};

use crate::model::raw::RawFile;

/// The schema as pretty-printed JSON, ending with a newline (the content of
/// `roadmap.schema.json`).
pub fn json_schema() -> String {
    let mut settings = SchemaSettings::draft07();
    // First, so the later draft-07 transforms see the schemas without their `null` branches.
    settings.transforms.insert(0, Box::new(NoNull));
    let schema = settings.into_generator().into_root_schema_for::<RawFile>();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Removes `null` from optional keys: TOML has no null, an optional key is simply left out.
#[derive(Clone, Debug)]
struct NoNull;

impl Transform for NoNull {
    fn transform(&mut self, schema: &mut schemars::Schema) {
        transform_subschemas(self, schema);
        let Some(object) = schema.as_object_mut() else {
            return;
        };
        // `"type": ["string", "null"]` becomes `"type": "string"`.
        if let Some(serde_json::Value::Array(types)) = object.get_mut("type") {
            types.retain(|t| t != "null");
            if types.len() == 1 {
                let only = types.remove(0);
                object.insert("type".into(), only);
            }
        }
        // `"anyOf": [X, {"type": "null"}]` becomes X, merged into this schema.
        if let Some(serde_json::Value::Array(branches)) = object.get_mut("anyOf") {
            branches.retain(|b| b.get("type").is_none_or(|t| t != "null"));
            if branches.len() == 1
                && let Some(serde_json::Value::Object(only)) = branches.pop()
            {
                object.remove("anyOf");
                for (key, value) in only {
                    object.entry(key).or_insert(value);
                }
            }
        }
    }
}
