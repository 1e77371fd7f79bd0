#pragma once
// The drawing functions of the synthetic modalities (synthetic_benchmark.h lists them
// with their label names). Each draws one image of class `label` with the sample's own
// random stream. Every abnormal finding has a severity drawn uniformly from 0 to 1 that
// scales how visible it is, and anatomy, exposure/stain and noise vary for every image,
// so some samples are obvious and some barely differ from the normal class.

#include "synthetic_canvas.h"

namespace vitask::recipe::synthetic {

// grey: 0 normal, 1 nodule, 2 pleural effusion, 3 cardiomegaly
void drawChestXray(int label, SyntheticRandom& rng, SyntheticCanvas& canvas);
// RGB: 0 benign nevus, 1 melanoma, 2 seborrheic keratosis
void drawDermoscopy(int label, SyntheticRandom& rng, SyntheticCanvas& canvas);
// grey: 0 normal, 1 drusen, 2 fluid, 3 retinal thinning
void drawRetinalOct(int label, SyntheticRandom& rng, SyntheticCanvas& canvas);
// RGB: 0 stroma, 1 lymphocytes, 2 tumour epithelium, 3 adipose
void drawHistology(int label, SyntheticRandom& rng, SyntheticCanvas& canvas);

// The generic tasks (synthetic_shapes.cpp), RGB, coloured shapes on grey:
// 0..3: one to four shapes
void drawShapeCount(int label, SyntheticRandom& rng, SyntheticCanvas& canvas);
// 0 red, 1 green, 2 blue, 3 yellow
void drawShapeColour(int label, SyntheticRandom& rng, SyntheticCanvas& canvas);
// 0 upper left, 1 upper right, 2 lower left, 3 lower right
void drawShapePosition(int label, SyntheticRandom& rng, SyntheticCanvas& canvas);
// 0 circle, 1 triangle, 2 square, 3 star
void drawShapeKind(int label, SyntheticRandom& rng, SyntheticCanvas& canvas);

}  // namespace vitask::recipe::synthetic
