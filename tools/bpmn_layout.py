#!/usr/bin/env python3
"""Adds diagram interchange (BPMNDI) to a BPMN file from a small position table, so that
Cockpit and the Modeler draw the process. Usage: bpmn_layout.py FILE.bpmn LAYOUT.json

LAYOUT.json: {"process": "<process id>", "positions": {"<element id>": [x, y], ...},
              "sizes": {"<subprocess id>": [w, h]},
              "waypoints": {"<flow id>": [[x, y], ...]}}  (x, y = top-left corner)
"waypoints" is optional: it replaces the computed route of a flow that would cross other shapes.
"labels" is optional: {"<element id>": [x, y, w, h]} places an event's or gateway's name where no
flow runs through it (by default the modeler draws it centred below the shape).
Boundary events: give the host's id as "attachedTo" in the BPMN; their position is optional
(default: on the host's bottom edge). Existing BPMNDI is replaced."""
import json
import sys
import xml.etree.ElementTree as ET

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
    "camunda": "http://camunda.org/schema/1.0/bpmn",
}
for prefix, uri in NS.items():
    ET.register_namespace(prefix, uri)

SIZES = {"task": (100, 80), "event": (36, 36), "gateway": (50, 50)}


def kind(tag):
    local = tag.split("}")[1]
    if local.endswith("Event"):
        return "event"
    if local.endswith("Gateway"):
        return "gateway"
    return "task"


def main(bpmn_file, layout_file):
    layout = json.load(open(layout_file))
    tree = ET.parse(bpmn_file)
    root = tree.getroot()
    for old in root.findall("bpmndi:BPMNDiagram", NS):
        root.remove(old)
    process = root.find("bpmn:process[@id='%s']" % layout["process"], NS)
    bounds = {}
    flows = []
    boundaries = []

    def walk(parent):
        for el in parent:
            local = el.tag.split("}")[1]
            eid = el.get("id")
            if local == "sequenceFlow":
                flows.append(el)
            elif local == "boundaryEvent":
                boundaries.append(el)
            elif eid in layout["positions"]:
                x, y = layout["positions"][eid]
                w, h = layout.get("sizes", {}).get(eid, SIZES[kind(el.tag)])
                bounds[eid] = (x, y, w, h, local == "subProcess")
            if local == "subProcess":
                walk(el)

    walk(process)
    counts = {}
    for b in boundaries:
        host = b.get("attachedToRef")
        hx, hy, hw, hh, _ = bounds[host]
        if b.get("id") in layout["positions"]:
            x, y = layout["positions"][b.get("id")]
        else:
            n = counts.get(host, 0)
            counts[host] = n + 1
            x, y = hx + 20 + n * 60, hy + hh - 18
        bounds[b.get("id")] = (x, y, 36, 36, False)

    diagram = ET.SubElement(root, "{%s}BPMNDiagram" % NS["bpmndi"], id="Diagram_" + layout["process"])
    plane = ET.SubElement(diagram, "{%s}BPMNPlane" % NS["bpmndi"], id="Plane_" + layout["process"],
                          bpmnElement=layout["process"])
    for eid, (x, y, w, h, expanded) in bounds.items():
        attrs = {"id": eid + "_di", "bpmnElement": eid}
        if expanded:
            attrs["isExpanded"] = "true"
        shape = ET.SubElement(plane, "{%s}BPMNShape" % NS["bpmndi"], attrs)
        ET.SubElement(shape, "{%s}Bounds" % NS["dc"], x=str(x), y=str(y), width=str(w), height=str(h))
        if eid in layout.get("labels", {}):
            lx, ly, lw, lh = layout["labels"][eid]
            label = ET.SubElement(shape, "{%s}BPMNLabel" % NS["bpmndi"])
            ET.SubElement(label, "{%s}Bounds" % NS["dc"], x=str(lx), y=str(ly), width=str(lw), height=str(lh))
    for f in flows:
        s = bounds[f.get("sourceRef")]
        t = bounds[f.get("targetRef")]
        edge = ET.SubElement(plane, "{%s}BPMNEdge" % NS["bpmndi"], id=f.get("id") + "_di", bpmnElement=f.get("id"))
        sx, sy = s[0] + s[2], s[1] + s[3] // 2
        tx, ty = t[0], t[1] + t[3] // 2
        if f.get("id") in layout.get("waypoints", {}):
            points = [tuple(p) for p in layout["waypoints"][f.get("id")]]
        elif f.get("sourceRef") in [b.get("id") for b in boundaries]:
            sx, sy = s[0] + s[2] // 2, s[1] + s[3]
            points = [(sx, sy), (sx, ty), (tx, ty)]
        elif tx < sx:  # going back: route below
            low = max(s[1] + s[3], t[1] + t[3]) + 30
            points = [(s[0] + s[2] // 2, s[1] + s[3]), (s[0] + s[2] // 2, low), (t[0] + t[2] // 2, low),
                      (t[0] + t[2] // 2, t[1] + t[3])]
        elif sy == ty:
            points = [(sx, sy), (tx, ty)]
        else:
            mid = (sx + tx) // 2
            points = [(sx, sy), (mid, sy), (mid, ty), (tx, ty)]
        for px, py in points:
            ET.SubElement(edge, "{%s}waypoint" % NS["di"], x=str(px), y=str(py))
    ET.indent(tree, space="  ")
    tree.write(bpmn_file, xml_declaration=True, encoding="UTF-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
