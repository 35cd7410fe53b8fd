def on_apply(yaml_text):  # kubectl apply → the API server → Istio's webhook  # @anchor apply
    if not istiod.up:  # validation.istio.io is served by Istiod (failurePolicy: Fail)
        return refuse("failed calling webhook validation.istio.io")  # @anchor webhook_down
    docs = parse_yaml(yaml_text)  # syntax errors carry their line
    errors = [e for d in docs for e in validate(d)]  # Istio's rules, field by field  # @anchor validate
    if errors:
        return reject(errors)  # "line 18: spec.http[0].route[1].weight: weight -10 < 0"  # @anchor reject
    api_server.store(docs)  # Istiod's watch sees the change  # @anchor accept
    istiod.debounce(full=True)  # 100 ms quiet, then compile_routes() for every proxy  # @anchor push
